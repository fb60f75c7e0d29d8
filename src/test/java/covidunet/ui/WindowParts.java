package covidunet.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.MouseInfo;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JTextArea;

import covidunet.model.train.History;

/**
 * The parts of a {@link TrainingWindow} on screen, found by title and text, and what a user does
 * with them (click, read, screenshot), for {@link TrainingWindowDriver}. Waits fail after two minutes,
 * or as soon as the training it follows has ended.
 */
record WindowParts(JFrame frame) {

	private static final long TIMEOUT_MILLIS = 120_000;

	/**
	 * Where the window is put once it shows. On a virtual display without a window manager, the
	 * window's own idea of where it is (after {@code setLocationRelativeTo}) now and then stays at
	 * the origin while the display shows it centred, and clicks miss it; a move after it shows
	 * makes both agree.
	 */
	private static final Point PLACE = new Point(40, 40);

	/** Waits for the training window to show. */
	static WindowParts await(final Future<?> training) throws Exception {
		final JFrame[] found = new JFrame[1];
		waitFor("the training window", training, () -> {
			found[0] = onEdt(() -> {
				for (final Frame f : Frame.getFrames()) {
					if (f instanceof JFrame && f.isShowing() && f.getTitle().startsWith(TrainingWindow.TITLE)) {
						return (JFrame) f;
					}
				}
				return null;
			});
			return found[0] != null;
		});
		final JFrame frame = found[0];
		onEdt(() -> {
			frame.setLocation(PLACE);
			return null;
		});
		waitFor("the training window at " + PLACE, training, () -> onEdt(() -> frame.getLocationOnScreen().equals(
			PLACE)));
		return new WindowParts(frame);
	}

	/** Waits until the history of {@code modelDir} has {@code epochs} rows. */
	static void awaitEpochs(final Path modelDir, final int epochs, final Future<?> training) throws Exception {
		final Path file = modelDir.resolve(History.FILE_NAME);
		waitFor(epochs + " epochs in " + file, training, () -> Files.isRegularFile(file) && History.read(file).rows()
			.size() >= epochs);
	}

	/** Waits until the status shows {@code text}; fails early if {@code training} (may be null) ends first. */
	void awaitStatus(final String text, final Future<?> training) throws Exception {
		waitFor("'" + text + "' in the status", training, () -> status().contains(text));
	}

	/** The status text. */
	String status() throws Exception {
		return onEdt(() -> find(frame, JTextArea.class, null).getText());
	}

	/** The button labelled {@code label}. */
	JButton button(final String label) throws Exception {
		return onEdt(() -> find(frame, JButton.class, label));
	}

	/**
	 * Clicks the button until it turns off (its request taken), at most five times, moving the pointer
	 * off the button and back before each try: under load, a virtual display now and then loses a
	 * synthetic click. Fails with what the button saw of the mouse, where the pointer was, and a
	 * screenshot of the whole screen ({@code screen}).
	 */
	void clickUntilOff(final Robot robot, final String label, final Path screen) throws Exception {
		final JButton button = button(label);
		final StringBuffer seen = new StringBuffer();
		final MouseAdapter recorder = new MouseAdapter() {

			@Override
			public void mouseEntered(final MouseEvent e) {
				seen.append(" entered");
			}

			@Override
			public void mousePressed(final MouseEvent e) {
				seen.append(" pressed");
			}

			@Override
			public void mouseReleased(final MouseEvent e) {
				seen.append(" released");
			}
		};
		onEdt(() -> {
			button.addMouseListener(recorder);
			return null;
		});
		try {
			for (int attempt = 0; attempt < 5; attempt++) {
				final Rectangle r = onEdt(() -> new Rectangle(button.getLocationOnScreen(), button.getSize()));
				robot.mouseMove(r.x - 20, r.y - 20);
				robot.waitForIdle();
				robot.mouseMove(r.x + r.width / 2, r.y + r.height / 2);
				robot.waitForIdle();
				Thread.sleep(100);
				robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
				Thread.sleep(50);
				robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
				robot.waitForIdle();
				final long deadline = System.nanoTime() + 3_000_000_000L;
				while (System.nanoTime() < deadline) {
					if (!onEdt(button::isEnabled)) return;
					Thread.sleep(50);
				}
				seen.append(" | try ").append(attempt + 1).append(": button at ").append(r).append(", pointer at ")
					.append(MouseInfo.getPointerInfo().getLocation()).append(";");
			}
			ImageIO.write(robot.createScreenCapture(new Rectangle(Toolkit.getDefaultToolkit().getScreenSize())), "png",
				screen.toFile());
			throw new AssertionError(label + " stayed on after five clicks; the button saw:" + seen + " (screen: " +
				screen + ")");
		}
		finally {
			onEdt(() -> {
				button.removeMouseListener(recorder);
				return null;
			});
		}
	}

	/** Saves what the screen shows of the window as a PNG. */
	void screenshot(final Robot robot, final Path png) throws Exception {
		robot.waitForIdle();
		Thread.sleep(500);
		final Rectangle bounds = onEdt(() -> new Rectangle(frame.getLocationOnScreen(), frame.getSize()));
		final BufferedImage image = robot.createScreenCapture(bounds);
		assertTrue(ImageIO.write(image, "png", png.toFile()), "a PNG writer");
	}

	/** Runs {@code c} on the event dispatch thread and returns its result. */
	static <T> T onEdt(final Callable<T> c) throws Exception {
		final FutureTask<T> task = new FutureTask<>(c);
		EventQueue.invokeAndWait(task);
		return task.get();
	}

	private static <T extends Component> T find(final Container in, final Class<T> type, final String text) {
		for (final Component c : in.getComponents()) {
			if (type.isInstance(c) && (text == null || c instanceof JButton && text.equals(((JButton) c).getText()))) return type.cast(c);
			if (c instanceof Container) {
				final T inner = find((Container) c, type, text);
				if (inner != null) return inner;
			}
		}
		return null;
	}

	private static void waitFor(final String what, final Future<?> training, final Callable<Boolean> done)
		throws Exception
	{
		final long end = System.currentTimeMillis() + TIMEOUT_MILLIS;
		while (!done.call()) {
			if (training != null && training.isDone()) {
				training.get();
				fail("the training ended before " + what);
			}
			if (System.currentTimeMillis() > end) fail("no " + what + " after " + TIMEOUT_MILLIS / 1000 + " s");
			Thread.sleep(100);
		}
	}
}
