package dev.slotbridge.bench;

/**
 * Loads a fresh server until its JIT compilers are quiet: a server that has been up a while has its hot code
 * compiled, and compiling is not a request's cost. A few seconds' fixed warm-up left a quarter of GET booking's first
 * measured seconds, and up to a third of a provider search's, in the compilers.
 */
final class WarmUp {
    /** The compilers' share of the server's CPU in a slice under which they count as quiet. */
    static final double QUIET_COMPILERS = 0.02;
    private static final int QUIET_SLICES_IN_A_ROW = 3;

    /** One slice of load (about a second). */
    interface Slice {
        void run() throws Exception;
    }

    private WarmUp() {
    }

    /**
     * Runs slices until the compilers used under {@link #QUIET_COMPILERS} of the server's CPU in three slices running,
     * at least {@code min} and at most {@code max} slices.
     */
    static void untilCompilersQuiet(ServerProcess server, int min, int max, Slice slice) throws Exception {
        int quietInARow = 0;
        for (int done = 1; done <= max; done++) {
            long cpu = server.cpuNanos();
            long compilers = server.compilerNanos();
            slice.run();
            boolean quiet = server.compilerNanos() - compilers <= QUIET_COMPILERS * (server.cpuNanos() - cpu);
            quietInARow = quiet ? quietInARow + 1 : 0;
            if (quietInARow >= QUIET_SLICES_IN_A_ROW && done >= min) {
                return;
            }
        }
    }
}
