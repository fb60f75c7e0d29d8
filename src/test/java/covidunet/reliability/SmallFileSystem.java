package covidunet.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real 1 MiB tmpfs mounted on a folder, for outputs on a full or read-only file system: writes
 * fail with the kernel's own ENOSPC or EROFS. Mounting needs root (or CAP_SYS_ADMIN), as the
 * tests have in CI's container; without it the test using it is skipped, saying why.
 */
final class SmallFileSystem implements AutoCloseable {

	private static final String SIZE = "1m";

	private final Path folder;

	private SmallFileSystem(final Path folder) {
		this.folder = folder;
	}

	/** Mounts a tmpfs of {@value #SIZE} on the empty folder {@code folder}, filled up to the last byte. */
	static SmallFileSystem full(final Path folder) throws IOException {
		final SmallFileSystem fs = mount(folder, "size=" + SIZE);
		try (OutputStream out = Files.newOutputStream(folder.resolve("filler"))) {
			final byte[] chunk = new byte[1 << 12];
			while (true) out.write(chunk);
		}
		catch (final IOException e) {
			if (e.getMessage() == null || !e.getMessage().contains("No space left")) {
				fs.close();
				throw e;
			}
		}
		return fs;
	}

	/** Mounts a read-only tmpfs of {@value #SIZE} on the empty folder {@code folder}. */
	static SmallFileSystem readOnly(final Path folder) throws IOException {
		return mount(folder, "size=" + SIZE + ",ro");
	}

	private static SmallFileSystem mount(final Path folder, final String options) throws IOException {
		final String output = run("mount", "-t", "tmpfs", "-o", options, "covid-unet-test", folder.toString());
		Assumptions.assumeTrue(output == null, () -> "cannot mount a small tmpfs (needs root): " + output);
		return new SmallFileSystem(folder);
	}

	/** Unmounts the file system (lazily if it is busy). */
	@Override
	public void close() throws IOException {
		if (run("umount", folder.toString()) != null) {
			final String lazy = run("umount", "-l", folder.toString());
			if (lazy != null) throw new IOException("cannot unmount " + folder + ": " + lazy);
		}
	}

	/** Runs a command; null if it succeeded, else what it printed. */
	private static String run(final String... command) throws IOException {
		final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return String.join(" ", command) + ": timed out";
			}
			return process.exitValue() == 0 ? null : output + " (exit " + process.exitValue() + ")";
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while running " + command[0], e);
		}
	}
}
