#include <stdio.h>
#include <histedit.h>
#include <editline/readline.h>

/* Swift 6 cannot write a C global; the shell turns off libedit's signal handling through this. */
static inline void pgentra_rl_set_catch_signals(int value) { rl_catch_signals = value; }

/* Tab completion (LibeditCompletion.swift): libedit's readline globals, reached from Swift. */
static inline void pgentra_rl_set_completion(rl_completion_func_t *function, const char *word_breaks) {
    rl_attempted_completion_function = function;
    rl_basic_word_break_characters = word_breaks;
    rl_completer_word_break_characters = (char *) word_breaks;
}
static inline void pgentra_rl_set_completion_result(int append_character, int over) {
    rl_completion_append_character = append_character;
    rl_attempted_completion_over = over;
}
static inline const char *pgentra_rl_line_buffer(void) { return rl_line_buffer; }
/* '?' when the key before this Tab was also Tab (libedit's fn_complete: lastcmd == thiscmd). */
static inline int pgentra_rl_completion_type(void) { return rl_completion_type; }
static inline int pgentra_rl_completion_query_items(void) { return rl_completion_query_items; }
/* The prompt libedit draws (rl_set_prompt's copy, RL_PROMPT_START_IGNORE around hidden parts). */
static inline const char *pgentra_rl_prompt(void) { return rl_prompt; }
/* Where libedit writes (stdout unless changed): what completion prints goes the same way. */
static inline FILE *pgentra_rl_outstream(void) { return rl_outstream; }
/* The terminal's capabilities, from the terminfo entry libedit loaded with tgetent (libtinfo's
   termcap interface, which libedit itself calls): the cursor-up string and the wrap flags. */
extern char *tgetstr(const char *id, char **area);
extern int tgetflag(const char *id);
static inline int pgentra_rl_point(void) { return rl_point; }
/* The shell reads keys itself (interruptible by Ctrl-C) through libedit's rl_getc_function. */
static inline void pgentra_rl_set_getc_function(int (*function)(FILE *)) { rl_getc_function = function; }
/* `\s`: the history entries, read through libedit's readline globals. */
static inline int pgentra_history_base(void) { return history_base; }
static inline int pgentra_history_length(void) { return history_length; }
