// libFuzzer's entry for programs with a main of their own (FuzzerInterface.h). Only the fuzzing
// build calls it; `swiftc -sanitize=fuzzer` links the libFuzzer runtime that defines it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
