package covidunet.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.Progress;
import covidunet.preprocess.PreprocessedCase;

/**
 * Makes training batches on background threads, ahead of the trainer, and hands them over in
 * order.
 * <p>
 * <b>What is made.</b> Batch {@code n} (counting from the first epoch) is iteration
 * {@code n mod iterations} of epoch {@code first + n / iterations}. Its patch {@code j} fills slot
 * {@code iteration · batchSize + j} of the epoch, from the case that {@link CaseOrder} gives that
 * slot (a walk through seeded shuffles of the cases, so each case is used equally often within an
 * epoch, give or take one). The patch's randomness is one {@link SplittableRandom} seeded by
 * {@link Seeds#forPatch}{@code (seed, epoch, case, slot)}: its {@link SplittableRandom#split()}
 * goes to the {@link PatchSampler} for the centre, the rest to the {@link PatchMaker}, so the
 * augmentation does not depend on how many numbers the placement drew.
 * <p>
 * <b>Determinism.</b> A batch depends only on its number and the inputs, never on which thread
 * made it or when; {@link #next()} returns batches in order of their numbers. The same seed
 * therefore gives the same batches in the same order on any number of threads.
 * <p>
 * <b>Bound.</b> Workers take batch numbers in order and may run at most {@code capacity} batches
 * ahead of the consumer (made or being made, not yet taken), so memory stays bounded however
 * slow the trainer is.
 * <p>
 * <b>Failure and stopping.</b> An exception or error in a worker (including
 * {@link OutOfMemoryError}) stops production and is rethrown by the next call of {@link #next()},
 * at once, even if batches before it are ready. Cancellation through the {@link Progress} is seen
 * by workers before each patch and while they wait for room (they then end), and by
 * {@link #next()} while it waits; {@link #next()} then throws {@link CancelledException}.
 * {@link #close()} stops the workers and waits for them to finish the patch they are making.
 * Workers are daemon threads named {@code patch-producer-<instance>-<index>}.
 */
public final class PatchProducer implements AutoCloseable {

	private static final AtomicInteger INSTANCES = new AtomicInteger();
	private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	private final List<PreprocessedCase> cases;
	private final PatchMaker maker;
	private final PatchSampler sampler;
	private final long seed;
	private final int batchSize;
	private final int iterations;
	private final int firstEpoch;
	private final long total;
	private final int capacity;
	private final Progress progress;
	private final CaseOrder order;
	private final List<Thread> workers = new ArrayList<>();

	private final ReentrantLock lock = new ReentrantLock();
	private final Condition arrived = lock.newCondition();
	private final Condition room = lock.newCondition();
	private final Map<Long, Batch> ready = new HashMap<>();
	private long claimed;
	private long delivered;
	private volatile Throwable failure;
	private volatile boolean stopped;

	private PatchProducer(final Builder b) {
		this.cases = List.copyOf(b.cases);
		this.maker = b.maker;
		this.sampler = b.sampler;
		this.seed = b.seed;
		this.batchSize = b.batchSize;
		this.iterations = b.iterations;
		this.firstEpoch = b.firstEpoch;
		this.total = (long) b.epochs * b.iterations;
		this.capacity = b.capacity > 0 ? b.capacity : 2 * b.threads;
		this.progress = b.progress;
		this.order = new CaseOrder(seed, cases.size());
	}

	/** The default number of worker threads: the processors less one for the trainer, at least 1. */
	public static int defaultThreads() {
		return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
	}

	/**
	 * Starts describing a producer of training batches.
	 *
	 * @param cases the training cases, each with labels; a case's index in this list is its
	 *          {@code caseIndex} in {@link Seeds#forPatch}
	 * @param maker the augmentation engine, or a {@link Crop}
	 * @param sampler where patches are placed, and their size
	 * @param seed the run's seed
	 */
	public static Builder builder(final List<PreprocessedCase> cases, final PatchMaker maker,
		final PatchSampler sampler, final long seed)
	{
		return new Builder(cases, maker, sampler, seed);
	}

	/**
	 * The next batch, waiting for it if need be.
	 *
	 * @throws RuntimeException or {@link Error} the exception of a worker, as it was thrown
	 * @throws CancelledException if the work was cancelled, the producer closed, or the waiting
	 *           thread interrupted (its interrupt flag is kept)
	 * @throws NoSuchElementException after the last batch of the last epoch
	 */
	public Batch next() {
		lock.lock();
		try {
			while (true) {
				if (failure != null) throw rethrow(failure);
				if (stopped) throw new CancelledException("the patch producer is closed");
				if (progress.isCancelled()) throw new CancelledException("patch production cancelled");
				if (delivered >= total) throw new NoSuchElementException("all " + total + " batches were delivered");
				final Batch batch = ready.remove(delivered);
				if (batch != null) {
					delivered++;
					room.signalAll();
					return batch;
				}
				arrived.awaitNanos(POLL_NANOS);
			}
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancelledException("interrupted while waiting for a training batch");
		}
		finally {
			lock.unlock();
		}
	}

	/** Whether batches remain to be delivered (always, unless a number of epochs was given). */
	public boolean hasNext() {
		lock.lock();
		try {
			return delivered < total;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Stops the workers and waits until they have ended (each finishes the patch it is making).
	 * Idempotent. If the calling thread is interrupted meanwhile, it stops waiting and keeps its
	 * interrupt flag.
	 */
	@Override
	public void close() {
		lock.lock();
		try {
			stopped = true;
			ready.clear();
			room.signalAll();
			arrived.signalAll();
		}
		finally {
			lock.unlock();
		}
		for (final Thread worker : workers) {
			try {
				worker.join();
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void start(final int threads) {
		final String name = "patch-producer-" + INSTANCES.incrementAndGet() + "-";
		for (int t = 0; t < threads; t++) {
			final Thread worker = new Thread(this::work, name + t);
			worker.setDaemon(true);
			workers.add(worker);
		}
		workers.forEach(Thread::start);
	}

	private void work() {
		try {
			while (true) {
				final long n;
				lock.lock();
				try {
					while (true) {
						if (halted() || claimed >= total) return;
						if (progress.isCancelled()) throw new CancelledException("patch production cancelled");
						if (claimed < delivered + capacity) break;
						room.awaitNanos(POLL_NANOS);
					}
					n = claimed++;
				}
				finally {
					lock.unlock();
				}
				final Batch batch = make(n);
				if (batch == null) return;
				lock.lock();
				try {
					if (!stopped) ready.put(n, batch);
					arrived.signalAll();
				}
				finally {
					lock.unlock();
				}
			}
		}
		catch (final InterruptedException e) {
			fail(new CancelledException("a patch producer thread was interrupted"));
		}
		catch (final Throwable t) {
			fail(t);
		}
	}

	/** Batch {@code n}, or null if production stopped meanwhile. */
	private Batch make(final long n) {
		final int epoch = Math.toIntExact(firstEpoch + n / iterations);
		final int iteration = (int) (n % iterations);
		final List<Patch> patches = new ArrayList<>(batchSize);
		for (int j = 0; j < batchSize; j++) {
			if (halted()) return null;
			if (progress.isCancelled()) throw new CancelledException("patch production cancelled");
			final int slot = iteration * batchSize + j;
			final int caseIndex = order.caseAt(epoch, slot);
			patches.add(makePatch(cases.get(caseIndex), sampler, maker, Seeds.forPatch(seed, epoch, caseIndex, slot)));
		}
		return Batch.of(epoch, iteration, sampler.patchSize(), patches);
	}

	/** One patch: the centre from the seed's split, the rest of its randomness to the maker. */
	static Patch makePatch(final PreprocessedCase source, final PatchSampler sampler, final PatchMaker maker,
		final long patchSeed)
	{
		final SplittableRandom random = new SplittableRandom(patchSeed);
		final double[] centre = sampler.centre(source, random.split());
		return maker.make(source, sampler.patchSize(), centre, random);
	}

	private boolean halted() {
		return stopped || failure != null;
	}

	private void fail(final Throwable t) {
		lock.lock();
		try {
			if (failure == null) failure = t;
			arrived.signalAll();
			room.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	private static RuntimeException rethrow(final Throwable t) {
		if (t instanceof RuntimeException e) return e;
		if (t instanceof Error e) throw e;
		return new IllegalStateException("a patch producer thread failed: " + t, t);
	}

	/** The settings of a {@link PatchProducer}; {@link #start()} starts it. */
	public static final class Builder {

		private final List<PreprocessedCase> cases;
		private final PatchMaker maker;
		private final PatchSampler sampler;
		private final long seed;
		private int batchSize = 2;
		private int iterations = 150;
		private int firstEpoch;
		private int epochs = Integer.MAX_VALUE;
		private int threads = defaultThreads();
		private int capacity;
		private Progress progress = Progress.NONE;

		private Builder(final List<PreprocessedCase> cases, final PatchMaker maker, final PatchSampler sampler,
			final long seed)
		{
			this.cases = cases;
			this.maker = maker;
			this.sampler = sampler;
			this.seed = seed;
		}

		/** Patches per batch; default 2, the reference's. */
		public Builder batchSize(final int size) {
			this.batchSize = positive(size, "batch size");
			return this;
		}

		/** Batches per epoch; default 150, the reference's. */
		public Builder iterationsPerEpoch(final int count) {
			this.iterations = positive(count, "iterations per epoch");
			return this;
		}

		/**
		 * The epochs to make; by default from epoch 0 without end (stop with {@link #close()}).
		 *
		 * @param first the first epoch (e.g. when training resumes), at least 0
		 * @param count how many epochs, at least 1
		 */
		public Builder epochs(final int first, final int count) {
			if (first < 0) throw new BadInputException("first epoch: must be at least 0, got " + first);
			this.firstEpoch = first;
			this.epochs = positive(count, "epochs");
			return this;
		}

		/** Worker threads; default {@link PatchProducer#defaultThreads()}. */
		public Builder threads(final int count) {
			this.threads = positive(count, "threads");
			return this;
		}

		/** How many batches workers may run ahead of the consumer; default twice the threads. */
		public Builder capacity(final int batches) {
			this.capacity = positive(batches, "capacity");
			return this;
		}

		/** Where cancellation is asked for (only {@link Progress#isCancelled()} is used); default never. */
		public Builder progress(final Progress p) {
			this.progress = p;
			return this;
		}

		/**
		 * Checks the settings and starts the workers.
		 *
		 * @throws BadInputException naming the parameter or the case if one is unusable
		 */
		public PatchProducer start() {
			if (cases.isEmpty()) throw new BadInputException("training cases: none given");
			for (final PreprocessedCase c : cases) {
				if (!c.hasLabels()) throw new BadInputException(c.id() + ": has no labels; training needs them");
			}
			if ((long) iterations * batchSize > Integer.MAX_VALUE) {
				throw new BadInputException("iterations per epoch × batch size: more than 2^31 patches per epoch");
			}
			if ((long) batchSize * sampler.patchVoxels() > Integer.MAX_VALUE - 8) {
				throw new BadInputException("batch size: " + batchSize + " patches of " + sampler.patchVoxels() +
					" voxels do not fit one array");
			}
			final PatchProducer producer = new PatchProducer(this);
			producer.start(threads);
			return producer;
		}

		private static int positive(final int value, final String name) {
			if (value < 1) throw new BadInputException(name + ": must be at least 1, got " + value);
			return value;
		}
	}
}
