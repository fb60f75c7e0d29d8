package covidunet.ui;

import java.awt.BorderLayout;
import java.awt.EventQueue;
import java.awt.FlowLayout;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.WindowConstants;

/**
 * The live training window: the loss and validation loss per epoch with the kept epoch marked,
 * a status (fold, epoch, step, loss, learning rate, time left), and buttons to finish the fold
 * early keeping its best model, or to cancel. Closing it does not stop the training. Snapshots
 * arrive from any thread; only the latest is drawn, on the event dispatch thread, so the training
 * never waits for the window. Never use when headless.
 */
public final class TrainingWindow {

	/** The window's title, followed by the training's name. */
	public static final String TITLE = "COVID-19 U-Net training";

	private static final String NOTE = "Closing this window does not stop the training.";

	private final AtomicReference<TrainingSnapshot> pending = new AtomicReference<>();
	private final String name;
	private JFrame frame;
	private CurvesPanel curves;
	private JTextArea status;
	private JButton finish;
	private JButton cancel;

	private TrainingWindow(final String name) {
		this.name = name;
	}

	/**
	 * Opens a window for a training and returns the listener that feeds it.
	 *
	 * @param name names the training in the title, e.g. its output folder
	 * @param maxEpochs the most epochs of a fold
	 * @param cancelTraining cancels the training; run on the event dispatch thread
	 */
	public static TrainingMonitor open(final String name, final int maxEpochs, final Runnable cancelTraining) {
		final TrainingWindow window = new TrainingWindow(name);
		final TrainingMonitor monitor = new TrainingMonitor(maxEpochs, cancelTraining, window::offer);
		EventQueue.invokeLater(() -> window.build(monitor));
		return monitor;
	}

	private void build(final TrainingMonitor monitor) {
		frame = new JFrame(TITLE + ": " + name);
		frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
		curves = new CurvesPanel();
		status = new JTextArea(3, 60);
		status.setEditable(false);
		status.setFocusable(false);
		status.setOpaque(false);
		status.setLineWrap(true);
		status.setWrapStyleWord(true);
		finish = new JButton(TrainingSnapshot.FINISH);
		finish.setToolTipText("Ends the fold under way after this step: the epoch is validated and the best model " +
			"is kept; with several folds, the next fold then starts");
		finish.addActionListener(e -> monitor.requestFinish());
		cancel = new JButton(TrainingSnapshot.CANCEL);
		cancel.setToolTipText("Stops the whole training; the models kept so far stay in the output folder");
		cancel.addActionListener(e -> monitor.cancel());
		final JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
		buttons.add(new JLabel(NOTE));
		buttons.add(finish);
		buttons.add(cancel);
		final JPanel bottom = new JPanel(new BorderLayout());
		bottom.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
		bottom.add(status, BorderLayout.CENTER);
		bottom.add(buttons, BorderLayout.SOUTH);
		frame.getContentPane().add(curves, BorderLayout.CENTER);
		frame.getContentPane().add(bottom, BorderLayout.SOUTH);
		draw(monitor.snapshot());
		frame.pack();
		frame.setLocationRelativeTo(null);
		frame.setVisible(true);
	}

	/** Queues {@code s} for drawing; a snapshot still waiting is replaced. */
	private void offer(final TrainingSnapshot s) {
		if (pending.getAndSet(s) == null) EventQueue.invokeLater(() -> draw(pending.getAndSet(null)));
	}

	private void draw(final TrainingSnapshot s) {
		final String fold = s.foldName();
		frame.setTitle(TITLE + ": " + name + (fold == null ? "" : ", " + fold.toLowerCase(Locale.ROOT)));
		curves.setHistory(s.history());
		status.setText(s.status());
		finish.setEnabled(s.canFinish());
		cancel.setEnabled(s.canCancel());
	}
}
