package covidunet.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** A figure under a white band with its title, centred in bold. Works headless. */
public final class TitledFigure {

	/** The title band's height in pixels. */
	public static final int TITLE_HEIGHT = 36;

	private TitledFigure() {}

	/**
	 * A {@code width} × {@code height} image, white, with {@code title} in a band of
	 * {@link #TITLE_HEIGHT} pixels and {@code body} drawn below it.
	 */
	public static BufferedImage of(final BufferedImage body, final String title, final int width, final int height) {
		final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = image.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.drawImage(body, 0, TITLE_HEIGHT, null);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
			final FontMetrics metrics = g.getFontMetrics();
			g.drawString(title, (width - metrics.stringWidth(title)) / 2, (TITLE_HEIGHT + metrics.getAscent()) / 2);
		}
		finally {
			g.dispose();
		}
		return image;
	}
}
