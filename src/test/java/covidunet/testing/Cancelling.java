package covidunet.testing;

import java.util.concurrent.atomic.AtomicInteger;

import covidunet.Progress;

/** A {@link Progress} that reports nothing and asks to stop after a number of checks. */
public final class Cancelling implements Progress {

	private final int checksBeforeCancel;
	private final AtomicInteger checks = new AtomicInteger();

	/** Cancels from the ({@code checksBeforeCancel} + 1)-th call of {@link #isCancelled()} on. */
	public Cancelling(final int checksBeforeCancel) {
		this.checksBeforeCancel = checksBeforeCancel;
	}

	@Override
	public void report(final String task, final long done, final long total) {}

	@Override
	public boolean isCancelled() {
		return checks.incrementAndGet() > checksBeforeCancel;
	}
}
