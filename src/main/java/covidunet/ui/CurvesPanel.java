package covidunet.ui;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.image.BufferedImage;

import javax.swing.JComponent;

import covidunet.model.train.History;
import covidunet.model.train.TrainingCurves;

/**
 * The live training curves: {@link TrainingCurves} drawn at the panel's size, redrawn only when
 * the history or the size changes. Used on the event dispatch thread only.
 */
final class CurvesPanel extends JComponent {

	private static final long serialVersionUID = 1L;

	private static final int MIN_WIDTH = 320, MIN_HEIGHT = 200;

	private static final String WAITING = "The curves appear after the first epoch.";

	private transient History history;
	private transient BufferedImage image;

	CurvesPanel() {
		setPreferredSize(new Dimension(760, 400));
		setMinimumSize(new Dimension(MIN_WIDTH, MIN_HEIGHT));
	}

	/** Shows {@code h} (null or empty: the waiting text). */
	void setHistory(final History h) {
		if (h == history) return;
		history = h;
		image = null;
		repaint();
	}

	@Override
	protected void paintComponent(final Graphics g) {
		final int width = Math.max(MIN_WIDTH, getWidth()), height = Math.max(MIN_HEIGHT, getHeight());
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, getWidth(), getHeight());
		if (history == null || history.rows().isEmpty()) {
			g.setColor(Color.DARK_GRAY);
			final FontMetrics metrics = g.getFontMetrics();
			g.drawString(WAITING, (getWidth() - metrics.stringWidth(WAITING)) / 2, getHeight() / 2);
			return;
		}
		if (image == null || image.getWidth() != width || image.getHeight() != height) {
			image = TrainingCurves.image(history, width, height);
		}
		g.drawImage(image, 0, 0, null);
	}
}
