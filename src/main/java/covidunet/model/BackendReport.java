package covidunet.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** What {@link Backend#check(String)} found: ordered {@code key: value} lines. Immutable. */
public final class BackendReport {

	/** One line of the report. */
	public record Line(String key, String value) {}

	private final List<Line> lines;

	/** A report of these lines, in this order. */
	public BackendReport(final List<Line> lines) {
		this.lines = Collections.unmodifiableList(new ArrayList<>(lines));
	}

	/** The lines, in order. */
	public List<Line> lines() {
		return lines;
	}

	/** The value of the line with this key, if there is one. */
	public Optional<String> value(final String key) {
		for (final Line line : lines) {
			if (line.key().equals(key)) return Optional.of(line.value());
		}
		return Optional.empty();
	}

	/** The report as text: one {@code key: value} line each, each ending with a newline. */
	public String toText() {
		final StringBuilder text = new StringBuilder();
		for (final Line line : lines) {
			text.append(line.key()).append(": ").append(line.value()).append('\n');
		}
		return text.toString();
	}

	@Override
	public String toString() {
		return toText();
	}
}
