package covidunet.reliability;

import java.io.IOException;
import java.util.List;

/**
 * One run of a subcommand with a bad input: a case of the suite.
 *
 * @param input the bad input, as the table of docs/reliability.md names it
 * @param subcommand the subcommand run
 * @param setup makes the run's inputs in its workspace and gives its arguments
 */
record Trial(String input, String subcommand, Setup setup) {

	/** Makes a run's inputs. */
	@FunctionalInterface
	interface Setup {

		/** Makes the inputs in {@code w} and says how to run and judge the run. */
		Prepared prepare(Workspace w) throws IOException;
	}

	/**
	 * A run ready to go.
	 *
	 * @param args the launcher's arguments
	 * @param names what the error line must name (any one of them): a file, a folder, a case id
	 * @param shows null if the run must be refused; else it must succeed and print this on stdout
	 * @param fileSystem a file system mounted for the run, unmounted after it; or null
	 */
	record Prepared(List<String> args, List<String> names, String shows, SmallFileSystem fileSystem)
		implements AutoCloseable
	{

		/** A run that must be refused with a line naming one of {@code names}. */
		static Prepared refused(final List<String> args, final String... names) {
			return new Prepared(args, List.of(names), null, null);
		}

		/** Unmounts the run's file system, if any. */
		@Override
		public void close() throws IOException {
			if (fileSystem != null) fileSystem.close();
		}
	}

	@Override
	public String toString() {
		return subcommand + ": " + input;
	}
}
