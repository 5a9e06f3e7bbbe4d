#include <stdio.h>
#include <histedit.h>
#include <editline/readline.h>

/* Swift 6 cannot write a C global; the shell turns off libedit's signal handling through this. */
static inline void pgentra_rl_set_catch_signals(int value) { rl_catch_signals = value; }
