package covidunet.ij1;

import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ij.IJ;

/**
 * Runs in a child JVM under Xvfb (see {@link ImageJIT}): ImageJ 1.x without its window, as in
 * batch mode, with an ImageJ folder whose {@code plugins/} holds the plugin; runs one of the
 * plugin's commands as a macro would, presses Esc as soon as a file whose name ends with the
 * given suffix appears in the given folder, and prints how long the command took to stop after
 * Esc ({@code stopped after N ms}) and how many processes of this JVM were still alive 10 s later
 * ({@code processes left: N}).
 * <p>
 * Arguments: the ImageJ folder, the command's title, its macro options, the folder to watch and
 * the file name suffix.
 * </p>
 */
public final class ImageJCancel {

	private ImageJCancel() {}

	public static void main(final String[] args) throws Exception {
		// As -ijpath does; IJ.run installs the menus (plugins.config included) on first use.
		System.setProperty("plugins.dir", args[0]);
		final Thread run = new Thread(() -> IJ.run(args[1], args[2]), "command");
		run.start();
		final Path watched = Path.of(args[3]);
		while (run.isAlive() && !appeared(watched, args[4])) Thread.sleep(50);
		if (!run.isAlive()) {
			System.out.println("ended before Esc");
			System.exit(1);
		}
		final long pressed = System.nanoTime();
		IJ.setKeyDown(KeyEvent.VK_ESCAPE);
		run.join(TimeUnit.MINUTES.toMillis(2));
		System.out.println("stopped after " + (System.nanoTime() - pressed) / 1_000_000 + " ms");
		final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline && ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive)) {
			Thread.sleep(100);
		}
		System.out.println("processes left: " + ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
			.count());
		System.exit(0);
	}

	private static boolean appeared(final Path folder, final String suffix) throws IOException {
		if (!Files.isDirectory(folder)) return false;
		try (Stream<Path> files = Files.list(folder)) {
			return files.anyMatch(f -> f.getFileName().toString().endsWith(suffix));
		}
	}
}
