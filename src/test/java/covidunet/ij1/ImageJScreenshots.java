package covidunet.ij1;

import java.awt.Button;
import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.Menu;
import java.awt.MenuBar;
import java.awt.MenuItem;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImageJ;
import ij.Menus;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;

/**
 * Runs in a child JVM under Xvfb (see {@link ImageJIT}): starts ImageJ 1.x with an ImageJ folder
 * whose {@code plugins/} holds the plugin jar, prints how often each of the plugin's menu labels
 * appears in the menu bar and which class each runs, opens Plugins › COVID-19 U-Net with the
 * keyboard, selects Segment Volume and takes a screenshot, then opens Segment Volume's dialog and takes one of it.
 * With the system properties {@code covidunet.recordDataset} and {@code covidunet.recordFolds}
 * it then records Prepare Folds with ImageJ's macro recorder, filling in its dialog.
 * <p>
 * Arguments: the ImageJ folder, the folder for the screenshots, then the menu labels to count.
 * Exit code 0 when everything was done.
 * </p>
 */
public final class ImageJScreenshots {

	private ImageJScreenshots() {}

	public static void main(final String[] args) throws Exception {
		final Path out = Path.of(args[1]);
		Files.createDirectories(out);
		ImageJ.main(new String[] { "-ijpath", args[0] });
		final ImageJ ij = waitFor(() -> IJ.getInstance() != null && IJ.getInstance().isShowing() ? IJ.getInstance() : null);
		for (int i = 2; i < args.length; i++) {
			System.out.println("menu " + args[i] + " count=" + count(Menus.getMenuBar(), args[i]) + " class=" + Menus.getCommands()
				.get(args[i]));
		}
		final Robot robot = new Robot();
		robot.setAutoDelay(60);
		ij.toFront();
		ij.requestFocus();
		robot.delay(800);
		openCovidMenu(robot, ij);
		robot.delay(800);
		final Rectangle frame = ij.getBounds();
		save(robot.createScreenCapture(new Rectangle(frame.x, frame.y, Math.max(frame.width, 720), 320)), out.resolve(
			"imagej-menu.png"));
		robot.keyPress(KeyEvent.VK_ESCAPE);
		robot.keyRelease(KeyEvent.VK_ESCAPE);
		robot.keyPress(KeyEvent.VK_ESCAPE);
		robot.keyRelease(KeyEvent.VK_ESCAPE);
		robot.delay(300);
		new Thread(() -> IJ.run("Segment Volume"), "segment-dialog").start();
		final Dialog dialog = waitFor(() -> dialog("Segment Volume"));
		final Rectangle bounds = placed(dialog, robot);
		save(robot.createScreenCapture(bounds), out.resolve("segment-volume-dialog.png"));
		robot.keyPress(KeyEvent.VK_ESCAPE);
		robot.keyRelease(KeyEvent.VK_ESCAPE);
		final String dataset = System.getProperty("covidunet.recordDataset");
		if (dataset != null) record(robot, dataset, System.getProperty("covidunet.recordFolds"));
		System.exit(0);
	}

	/**
	 * Records Prepare Folds with ImageJ's macro recorder: the dialog is filled in and its OK
	 * button clicked as a user would; prints the recorded line as {@code recorded: run(...)}.
	 */
	private static void record(final Robot robot, final String dataset, final String folds) throws Exception {
		IJ.run("Record...");
		final Recorder recorder = waitFor(Recorder::getInstance);
		IJ.doCommand("Prepare Folds");
		final GenericDialog dialog = (GenericDialog) waitFor(() -> dialog("Prepare Folds"));
		placed(dialog, robot);
		final List<?> fields = dialog.getStringFields();
		EventQueue.invokeAndWait(() -> {
			((TextField) fields.get(0)).setText(dataset);
			((TextField) fields.get(1)).setText(folds);
			((TextField) fields.get(2)).setText("2");
			((TextField) fields.get(3)).setText("7");
		});
		final Button ok = Stream.of(dialog.getButtons()).filter(b -> b != null && "OK".equals(b.getLabel().trim()))
			.findFirst().orElseThrow();
		final Point at = ok.getLocationOnScreen();
		final Point dialogAt = dialog.getLocationOnScreen();
		robot.mouseMove(40 + at.x - dialogAt.x + ok.getWidth() / 2, 120 + at.y - dialogAt.y + ok.getHeight() / 2);
		robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
		robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
		final String line = waitFor(() -> recorder.getText().lines().filter(l -> l.startsWith("run(\"Prepare Folds\""))
			.findFirst().orElse(null));
		System.out.println("recorded: " + line);
	}

	/**
	 * Opens Plugins › COVID-19 U-Net: F10 opens the first menu with its first item selected, the
	 * right arrow moves to the next menu (or first opens a selected submenu), the down arrow walks
	 * the items (not the separators).
	 */
	private static void openCovidMenu(final Robot robot, final Frame ij) {
		final MenuBar bar = ij.getMenuBar();
		int pluginsIndex = -1;
		for (int m = 0; m < bar.getMenuCount(); m++) {
			if ("Plugins".equals(bar.getMenu(m).getLabel())) pluginsIndex = m;
		}
		final Menu plugins = bar.getMenu(pluginsIndex);
		final List<String> items = new ArrayList<>();
		for (int i = 0; i < plugins.getItemCount(); i++) {
			items.add(plugins.getItem(i).getLabel());
		}
		final int covid = items.stream().filter(l -> !"-".equals(l)).toList().indexOf("COVID-19 U-Net");
		System.out.println("plugins menu index=" + pluginsIndex + " covid item=" + covid + " items=" + items);
		int rights = 0;
		for (int m = 0; m < pluginsIndex; m++) {
			rights += bar.getMenu(m).getItem(0) instanceof Menu ? 2 : 1;
		}
		press(robot, KeyEvent.VK_F10, 1);
		press(robot, KeyEvent.VK_RIGHT, rights);
		press(robot, KeyEvent.VK_DOWN, covid);
		press(robot, KeyEvent.VK_RIGHT, 1);
		final Menu submenu = (Menu) plugins.getItem(items.indexOf("COVID-19 U-Net"));
		for (int i = 0; i < submenu.getItemCount(); i++) {
			if ("Segment Volume".equals(submenu.getItem(i).getLabel())) press(robot, KeyEvent.VK_DOWN, i);
		}
	}

	private static void press(final Robot robot, final int key, final int times) {
		for (int i = 0; i < times; i++) {
			robot.keyPress(key);
			robot.keyRelease(key);
			robot.delay(400);
		}
	}

	private static int count(final MenuBar bar, final String label) {
		int n = 0;
		for (int m = 0; m < bar.getMenuCount(); m++) {
			n += count(bar.getMenu(m), label);
		}
		return n;
	}

	private static int count(final Menu menu, final String label) {
		int n = 0;
		for (int i = 0; i < menu.getItemCount(); i++) {
			final MenuItem item = menu.getItem(i);
			if (item instanceof Menu) n += count((Menu) item, label);
			else if (label.equals(item.getLabel())) n++;
		}
		return n;
	}

	private static Dialog dialog(final String title) {
		for (final Window w : Window.getWindows()) {
			if (w instanceof Dialog && w.isShowing() && title.equals(((Dialog) w).getTitle())) return (Dialog) w;
		}
		return null;
	}

	/**
	 * Moves the dialog to a known place and returns its bounds there: without a window manager,
	 * Java does not always learn where ImageJ centred it.
	 */
	private static Rectangle placed(final Dialog dialog, final Robot robot) throws Exception {
		EventQueue.invokeAndWait(() -> dialog.setLocation(40, 120));
		robot.delay(700);
		return new Rectangle(40, 120, dialog.getWidth(), dialog.getHeight());
	}

	private static void save(final BufferedImage image, final Path file) throws IOException {
		ImageIO.write(image, "png", file.toFile());
		System.out.println("screenshot " + file + " " + image.getWidth() + "x" + image.getHeight());
	}

	private interface Probe<T> {

		T get();
	}

	private static <T> T waitFor(final Probe<T> probe) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			final T value = probe.get();
			if (value != null) return value;
			Thread.sleep(100);
		}
		throw new IllegalStateException("timed out waiting for ImageJ");
	}
}
