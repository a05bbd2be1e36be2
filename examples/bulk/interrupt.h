// SIGINT/SIGTERM as a flag: the handler only stores the signal number (async-signal-safe) and
// puts the default action back, so a second signal ends the process at once.
#ifndef MARKETO_EXAMPLES_BULK_INTERRUPT_H_
#define MARKETO_EXAMPLES_BULK_INTERRUPT_H_

namespace bulk {

// Installs the handler for SIGINT and SIGTERM (SA_RESTART, so calls in flight carry on); a
// signal ignored when the program started stays ignored.
void CatchInterrupts();

// The signal that asked the run to stop, or 0.
int InterruptSignal() noexcept;

// "SIGINT", "SIGTERM" or "signal N".
const char* SignalName(int sig) noexcept;

}  // namespace bulk

#endif  // MARKETO_EXAMPLES_BULK_INTERRUPT_H_
