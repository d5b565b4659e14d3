/* cli — the scriptable face of ntm: argument parsing, the subcommands and
 * their output (text, JSON, CSV), exit codes. */
#ifndef NTM_CLI_H
#define NTM_CLI_H

/* Runs ntm with its arguments; returns the process exit status. */
int cli_main(int argc, char **argv);

#endif
