package covidunet.phantom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.Progress;
import covidunet.dataset.CaseNames;
import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiWriter;

/**
 * A synthetic chest-CT cohort in the real dataset's layout, what every test, benchmark and demo
 * of the project trains on:
 *
 * <pre>
 * output/COVID-19-CT-Seg_20cases/coronacases_org_001.nii.gz   int16 HU
 * output/COVID-19-CT-Seg_20cases/radiopaedia_org_covid-19-pneumonia-&lt;id&gt;-dcm.nii.gz   uint8 0–255
 * output/Lung_and_Infection_Mask/coronacases_001.nii.gz       uint8 labels 0–3
 * output/phantom.json                                         seed, size, per-case parameters
 * </pre>
 *
 * and nothing else. The same seed gives byte-identical files, whatever the number of threads;
 * case k is the same in a cohort of any size. See {@link PhantomCase} for what a case holds.
 */
public final class PhantomCohort {

	/** The largest number of cases. */
	public static final int MAX_CASES = 1000;

	private final long seed;
	private final int cases;
	private final PhantomSize size;

	private PhantomCohort(final long seed, final int cases, final PhantomSize size) {
		this.seed = seed;
		this.cases = cases;
		this.size = size;
	}

	/**
	 * @throws BadInputException naming {@code cases} if it is not 1 to {@value #MAX_CASES}, or
	 *           {@code size} if it is not {@code small} or {@code full}
	 */
	public static PhantomCohort of(final long seed, final int cases, final String size) {
		if (cases < 1 || cases > MAX_CASES) {
			throw new BadInputException("cases: " + cases + " is out of range; expected 1 to " + MAX_CASES);
		}
		return new PhantomCohort(seed, cases, PhantomSize.parse(size));
	}

	/** The plans of all cases, without their voxels. */
	public List<PhantomCase> plan() {
		final List<PhantomCase> plans = new ArrayList<>(cases);
		for (int i = 0; i < cases; i++) {
			plans.add(PhantomCase.plan(seed, i, size));
		}
		return plans;
	}

	/**
	 * Generates the cohort into {@code output}, on {@code threads} threads (0: one per core). The
	 * folder appears complete or not at all.
	 *
	 * @param overwrite whether an existing non-empty {@code output} folder may be replaced
	 * @param progress told each finished case; checked for cancellation between slices
	 * @throws BadInputException naming the parameter for a bad {@code output} or {@code threads},
	 *           or if a file cannot be written
	 * @throws covidunet.CancelledException if cancelled; nothing is written then
	 */
	public void write(final Path output, final boolean overwrite, final int threads, final Progress progress) {
		if (output == null) throw new BadInputException("output: no folder given");
		if (threads < 0) throw new BadInputException("threads: " + threads + " is negative; 0 means one per core");
		final OutputFolder folder = OutputFolder.open(output, overwrite);
		try {
			final Path root = folder.temporary();
			Files.createDirectory(root.resolve(CaseNames.IMAGE_FOLDER));
			Files.createDirectory(root.resolve(CaseNames.MASK_FOLDER));
			final List<PhantomCase> plans = generate(root, threads == 0 ? Runtime.getRuntime().availableProcessors() :
				threads, progress);
			Manifest.write(root.resolve(Manifest.FILE_NAME), seed, size, plans);
			progress.checkCancelled();
			folder.commit();
		}
		catch (final IOException e) {
			throw new BadInputException("output: cannot write " + output + " (" + e.getMessage() + ")", e);
		}
		finally {
			folder.discard();
		}
	}

	private List<PhantomCase> generate(final Path root, final int threads, final Progress progress) throws IOException {
		final AtomicBoolean failed = new AtomicBoolean();
		final AtomicReference<Throwable> first = new AtomicReference<>();
		final Progress stoppable = new Progress() {

			@Override
			public void report(final String task, final long done, final long total) {
				progress.report(task, done, total);
			}

			@Override
			public boolean isCancelled() {
				return failed.get() || progress.isCancelled();
			}
		};
		final AtomicInteger done = new AtomicInteger();
		progress.report("phantom: generating " + cases + " " + size.id() + " cases", 0, cases);
		final ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, cases), r -> {
			final Thread t = new Thread(r, "phantom");
			t.setDaemon(true);
			return t;
		});
		try {
			final List<Future<PhantomCase>> futures = new ArrayList<>();
			for (int i = 0; i < cases; i++) {
				final int index = i;
				futures.add(pool.submit(() -> {
					try {
						final PhantomCase plan = PhantomCase.plan(seed, index, size);
						writeCase(root, plan, stoppable);
						stoppable.report("phantom: wrote " + plan.id(), done.incrementAndGet(), cases);
						return plan;
					}
					catch (final RuntimeException | Error e) {
						if (!(e instanceof CancelledException && failed.get())) first.compareAndSet(null, e);
						failed.set(true);
						throw e;
					}
				}));
			}
			final List<PhantomCase> plans = new ArrayList<>();
			for (final Future<PhantomCase> future : futures) {
				plans.add(await(future, first));
			}
			return plans;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void writeCase(final Path root, final PhantomCase plan, final Progress progress) {
		final PhantomVolumes volumes = CaseSynthesizer.synthesize(plan, progress);
		progress.checkCancelled();
		final String descrip = "covid-unet phantom seed " + seed + " case " + plan.index();
		NiftiWriter.write(volumes.image(), root.resolve(CaseNames.IMAGE_FOLDER).resolve(plan.imageFileName()),
			plan.isRadiopaedia() ? NiftiDatatype.UINT8 : NiftiDatatype.INT16, descrip);
		NiftiWriter.write(volumes.labels(), root.resolve(CaseNames.MASK_FOLDER).resolve(plan.maskFileName()),
			NiftiDatatype.UINT8, descrip);
	}

	/**
	 * The future's result; if its task failed, the first failure of any task, as it was thrown
	 * (other tasks stop with a {@link CancelledException} once one fails).
	 */
	private static PhantomCase await(final Future<PhantomCase> future, final AtomicReference<Throwable> first) {
		try {
			return future.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while generating the phantom cohort", e);
		}
		catch (final ExecutionException e) {
			final Throwable cause = first.get() != null ? first.get() : e.getCause();
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			if (cause instanceof Error) throw (Error) cause;
			throw new IllegalStateException(cause);
		}
	}

	/** The seed. */
	public long seed() {
		return seed;
	}

	/** The number of cases. */
	public int cases() {
		return cases;
	}

	/** The acquisition size. */
	public PhantomSize size() {
		return size;
	}
}
