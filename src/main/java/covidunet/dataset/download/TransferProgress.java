package covidunet.dataset.download;

import java.util.Locale;
import java.util.function.LongSupplier;

import covidunet.Progress;

/**
 * Progress of one transfer as a line like
 * {@code COVID-19-CT-Seg_20cases.zip: 120.3 of 1007.0 MB, 11.2 MB/s, 1:18 left}, reported at the
 * start, at most every {@value #INTERVAL_SECONDS} seconds, and at the end. The rate counts this
 * session's bytes only (not those resumed from an earlier run); sizes are decimal (1 MB =
 * 10<sup>6</sup> bytes).
 */
final class TransferProgress {

	/** The least time between two reports, in seconds. */
	static final int INTERVAL_SECONDS = 2;

	private static final long INTERVAL_NANOS = INTERVAL_SECONDS * 1_000_000_000L;

	private final String name;
	private final long resumed;
	private final long total;
	private final Progress progress;
	private final LongSupplier nanoTime;
	private final long startNanos;
	private long done;
	private long lastReport;

	/**
	 * @param name the file's name, at the start of the line
	 * @param resumed bytes already there before this session
	 * @param total the whole size, or -1 if unknown
	 * @param nanoTime the clock, {@code System::nanoTime} outside tests
	 */
	TransferProgress(final String name, final long resumed, final long total, final Progress progress,
		final LongSupplier nanoTime)
	{
		this.name = name;
		this.resumed = resumed;
		this.total = total;
		this.progress = progress;
		this.nanoTime = nanoTime;
		this.startNanos = nanoTime.getAsLong();
		this.done = resumed;
		this.lastReport = startNanos;
		report(startNanos);
	}

	/** Counts {@code bytes} more; reports if the last report is old enough. */
	void add(final long bytes) {
		done += bytes;
		final long now = nanoTime.getAsLong();
		if (now - lastReport >= INTERVAL_NANOS) report(now);
	}

	/** Reports the final state. */
	void finish() {
		report(nanoTime.getAsLong());
	}

	/** The bytes counted so far, resumed ones included. */
	long done() {
		return done;
	}

	private void report(final long now) {
		lastReport = now;
		final double seconds = (now - startNanos) / 1e9;
		final double rate = seconds > 0 ? (done - resumed) / seconds : Double.NaN;
		progress.report(text(name, done, total, rate), done, Math.max(total, 0));
	}

	/**
	 * The progress line.
	 *
	 * @param total the whole size, or -1 if unknown
	 * @param bytesPerSecond the rate, or NaN if not known yet
	 */
	static String text(final String name, final long done, final long total, final double bytesPerSecond) {
		final long scale = Math.max(total, done) >= 1_000_000 ? 1_000_000 : 1_000;
		final String unit = scale == 1_000_000 ? "MB" : "kB";
		final StringBuilder s = new StringBuilder(name).append(": ").append(amount(done, scale));
		if (total >= 0) s.append(" of ").append(amount(total, scale));
		s.append(' ').append(unit);
		if (bytesPerSecond > 0 && Double.isFinite(bytesPerSecond)) {
			s.append(", ").append(rate(bytesPerSecond));
			if (total > done) s.append(", ").append(duration((total - done) / bytesPerSecond)).append(" left");
		}
		return s.toString();
	}

	/** A size for messages, e.g. {@code 120.3 MB} or {@code 512.0 kB}. */
	static String size(final long bytes) {
		final long scale = bytes >= 1_000_000 ? 1_000_000 : 1_000;
		return amount(bytes, scale) + (scale == 1_000_000 ? " MB" : " kB");
	}

	private static String amount(final long bytes, final long scale) {
		return String.format(Locale.ROOT, "%.1f", bytes / (double) scale);
	}

	private static String rate(final double bytesPerSecond) {
		if (bytesPerSecond >= 1e6) return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6);
		return String.format(Locale.ROOT, "%.1f kB/s", bytesPerSecond / 1e3);
	}

	/** Seconds as {@code m:ss}, or {@code h:mm:ss} from an hour on. */
	static String duration(final double seconds) {
		final long s = Math.round(Math.min(seconds, 359_999));
		if (s >= 3600) return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
		return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}
}
