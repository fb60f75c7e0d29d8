package covidunet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.testing.ChildJvm;

/**
 * Hidden temporaries of {@link AtomicFiles}: a writer killed with SIGKILL leaves one, and the
 * next write of that name deletes it; the temporary of a writer still at work (in another
 * process, or in this JVM) is never deleted.
 */
class AtomicFilesTest {

	@TempDir
	Path tmp;

	private List<String> temporaries() throws IOException {
		try (Stream<Path> files = Files.list(tmp)) {
			return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
		}
	}

	@Test
	void theNextWriteOfANameDeletesTheTemporaryOfAKilledWriter() throws Exception {
		final Path file = tmp.resolve("volumes.csv");
		final Path other = tmp.resolve(".report.html.tmp-1234");
		Files.writeString(other, "left by a writer of another name");
		try (ChildJvm writer = ChildJvm.start(SlowWriter.class.getName(), List.of(file.toString(), "killed"))) {
			writer.awaitLine(SlowWriter.HALFWAY::equals, 1, 1);
			writer.kill();
		}
		final List<String> left = temporaries();
		assertEquals(2, left.size(), "the killed writer's temporary and the other: " + left);
		assertTrue(left.stream().anyMatch(n -> n.startsWith(".volumes.csv.tmp-")), left.toString());
		assertFalse(Files.exists(file), "nothing under the final name");

		AtomicFiles.writeString(file, "complete\n");
		assertEquals("complete\n", Files.readString(file));
		assertEquals(List.of(other.getFileName().toString()), temporaries(), "only other names' temporaries stay");
	}

	@Test
	void theTemporaryOfAWriterAtWorkInAnotherProcessIsKept() throws Exception {
		final Path file = tmp.resolve("volumes.csv");
		try (ChildJvm writer = ChildJvm.start(SlowWriter.class.getName(), List.of(file.toString(), "slow"))) {
			writer.awaitLine(SlowWriter.HALFWAY::equals, 1, 1);
			AtomicFiles.writeString(file, "quick\n");
			assertEquals("quick\n", Files.readString(file));
			assertEquals(1, temporaries().size(), "the slow writer's temporary is still there");
			writer.tell("go on");
			assertEquals(0, writer.awaitExit(1), () -> String.join("\n", writer.output()));
		}
		assertEquals(SlowWriter.FIRST + "slow\n", Files.readString(file), "the last complete write wins");
		assertEquals(List.of(), temporaries());
	}

	@Test
	void theTemporaryOfAWriterAtWorkInThisJvmIsKept() throws Exception {
		final Path file = tmp.resolve("history.tsv");
		final CountDownLatch halfway = new CountDownLatch(1), goOn = new CountDownLatch(1);
		final CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> AtomicFiles.write(file, out -> {
			out.write("slow ".getBytes(StandardCharsets.UTF_8));
			out.flush();
			halfway.countDown();
			try {
				assertTrue(goOn.await(1, TimeUnit.MINUTES));
			}
			catch (final InterruptedException e) {
				throw new IOException(e);
			}
			out.write("writer\n".getBytes(StandardCharsets.UTF_8));
		}));
		assertTrue(halfway.await(1, TimeUnit.MINUTES));
		AtomicFiles.writeString(file, "quick\n");
		assertEquals(1, temporaries().size(), "the slow writer's temporary is still there");
		goOn.countDown();
		slow.get(1, TimeUnit.MINUTES);
		assertEquals("slow writer\n", Files.readString(file));
		assertEquals(List.of(), temporaries());
	}

	/**
	 * Run in a child JVM: writes {@code FIRST}, prints {@link #HALFWAY}, waits for a line on its
	 * input, then writes its second argument and a line break to the file of its first argument.
	 */
	public static final class SlowWriter {

		/** Printed when half the file is written. */
		static final String HALFWAY = "halfway";

		/** The first half. */
		static final String FIRST = "half of a large file, then ";

		private SlowWriter() {}

		/** @param args the file and the second half */
		public static void main(final String[] args) {
			final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			AtomicFiles.write(Path.of(args[0]), out -> {
				out.write(FIRST.getBytes(StandardCharsets.UTF_8));
				out.flush();
				System.out.println(HALFWAY);
				System.out.flush();
				in.readLine();
				out.write((args[1] + "\n").getBytes(StandardCharsets.UTF_8));
			});
		}
	}
}
