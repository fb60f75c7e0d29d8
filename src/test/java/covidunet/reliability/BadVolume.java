package covidunet.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import covidunet.io.nifti.NiftiFiles;

/**
 * A bad volume of the suite: made by spoiling a good case's image or mask (or both), and tried
 * with some subcommands.
 *
 * @param label the bad input, as the table of docs/reliability.md names it
 * @param role which file {@code info} and {@code segment} are given: the image or the mask
 * @param spoil what is done to the case's files
 * @param subcommands the subcommands it is tried with
 * @param accepting those of them that must accept it (exit 0); the others must refuse it
 * @param infoShows what {@code info} prints about it when it accepts it
 */
record BadVolume(String label, Role role, Spoil spoil, List<String> subcommands, List<String> accepting,
	String infoShows)
{

	/** The file of a case that single-file subcommands read. */
	enum Role {
		IMAGE, MASK
	}

	/** Spoils a good case. */
	@FunctionalInterface
	interface Spoil {

		/** Changes the case's image and mask files in place. */
		void apply(Path image, Path mask) throws IOException;
	}

	private static final List<String> ALL = List.of("info", "segment", "folds", "train", "evaluate");
	private static final List<String> DATASET = List.of("folds", "train", "evaluate");
	private static final List<String> READABLE = List.of("info", "segment", "folds");
	private static final List<String> INFO = List.of("info");

	/** Every bad volume, in the order of docs/reliability.md. */
	static List<BadVolume> all() {
		return List.of(
			image("truncated gzip stream", (i, m) -> BadFiles.truncate(i)),
			image("corrupt gzip data", (i, m) -> BadFiles.corrupt(i)),
			image("zero-length file", (i, m) -> BadFiles.empty(i)),
			image("wrong magic (not n+1)", (i, m) -> BadFiles.patch(i, f -> f.putByte(NiftiFiles.MAGIC, 'x'))),
			image("absurd dims: 2^31 voxels declared in a 108-byte file", (i, m) -> BadFiles.absurdDims(i)),
			image("zero spacing (pixdim[1] = 0)", (i, m) -> BadFiles.patch(i, f -> f.putFloat(NiftiFiles.PIXDIM + 4, 0))),
			new BadVolume("negative spacing (pixdim[1] = -1.5), read as its size", Role.IMAGE, (i, m) -> BadFiles.patch(i,
				f -> f.putFloat(NiftiFiles.PIXDIM + 4, -1.5f)), READABLE, READABLE, "\"spacing\": [1.5,1.5,3.0]"),
			image("NaN spacing (pixdim[2] = NaN)", (i, m) -> BadFiles.patch(i, f -> f.putFloat(NiftiFiles.PIXDIM + 8,
				Float.NaN))),
			new BadVolume("a NaN voxel", Role.IMAGE, (i, m) -> BadFiles.floatWith(i, Float.NaN), ALL, INFO,
				"\"nan_count\": 1"),
			new BadVolume("an infinite voxel", Role.IMAGE, (i, m) -> BadFiles.floatWith(i, Float.POSITIVE_INFINITY), ALL,
				INFO, "\"inf_count\": 1"),
			new BadVolume("2-D image (8×8×1; its mask too)", Role.IMAGE, (i, m) -> {
				BadFiles.slices(i, 1);
				BadFiles.slices(m, 1);
			}, ALL, INFO, "\"dims\": [8,8,1]"),
			image("4-D image (3 time points)", (i, m) -> BadFiles.threeTimePoints(i)),
			image("RGB image (RGB24)", (i, m) -> BadFiles.rgb(i)),
			new BadVolume("image/mask shape mismatch (8×8×4 vs 8×8×3)", Role.MASK, (i, m) -> BadFiles.slices(m, 3), DATASET,
				List.of(), null),
			new BadVolume("image/mask geometry mismatch (mask moved 10 mm)", Role.MASK, (i, m) -> BadFiles.shift(m), DATASET,
				List.of(), null),
			new BadVolume("mask label outside 0–3 (a 7)", Role.MASK, (i, m) -> BadFiles.setByte(m, 0, 7), List.of("info",
				"folds", "train", "evaluate"), INFO, "\"7\":1"),
			image("unreadable: a dangling symbolic link", (i, m) -> {
				Files.delete(i);
				Files.createSymbolicLink(i, i.resolveSibling("gone.nii.gz"));
			}),
			image("unreadable: a folder where the file should be", (i, m) -> {
				Files.delete(i);
				Files.createDirectory(i);
			}));
	}

	private static BadVolume image(final String label, final Spoil spoil) {
		return new BadVolume(label, Role.IMAGE, spoil, ALL, List.of(), null);
	}
}
