package covidunet.io.nifti;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import covidunet.BadInputException;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import net.imglib2.img.planar.PlanarImg;

/**
 * Reads single-file NIfTI-1 volumes, {@code .nii} or gzipped (recognised by the gzip magic, not
 * the name), little- or big-endian. Header extensions are skipped. Everything the header
 * declares is checked against the file before voxel memory is allocated, and a slice is
 * allocated only once all its data has arrived (held meanwhile in chunks of at most 1 MiB), so a
 * corrupt or hostile file fails fast with a {@link BadInputException} whose one-line message
 * starts with the path as given.
 */
public final class NiftiReader {

	/** Bytes decoded at a time when a slice is larger. */
	private static final int CHUNK = 1 << 20;

	private static final double GIB = 1 << 30;

	private NiftiReader() {}

	/**
	 * Reads and checks a file's header, without reading the voxels or checking the file's
	 * length against it.
	 *
	 * @throws BadInputException if the file cannot be read or is not a supported NIfTI-1 volume
	 */
	public static NiftiHeader readHeader(final Path file) {
		try (NiftiInput in = NiftiInput.open(file)) {
			return in.readHeader();
		}
	}

	/**
	 * Reads a volume into a {@link PlanarImg} (one array per z slice). Without scaling
	 * ({@code scl_slope} 0, or slope 1 and intercept 0) the image has the file's datatype (see
	 * {@link NiftiDatatype#createType()}); with scaling its values are {@code stored * slope +
	 * inter}, as {@code FloatType} for 8- and 16-bit integers and float32, as
	 * {@code DoubleType} for 32- and 64-bit integers and float64.
	 *
	 * @throws BadInputException if the file cannot be read or is not a supported NIfTI-1 volume,
	 *           or if its voxels need more memory than this JVM may ever use (checked before
	 *           reading them; {@link #readSlices} and so {@code info} stream any size)
	 */
	public static Volume<?> read(final Path file) {
		final Collector collector = new Collector(file.toString());
		readSlices(file, collector);
		return collector.volume();
	}

	/**
	 * Streams a volume: gives the visitor the header, then each z slice's stored values in
	 * order, holding no more than a slice. The visitor's results are complete only if this
	 * returns normally: a file that is longer than its header declares fails after the last
	 * slice.
	 *
	 * @return the header
	 * @throws BadInputException if the file cannot be read or is not a supported NIfTI-1 volume
	 */
	public static NiftiHeader readSlices(final Path file, final SliceVisitor visitor) {
		try (NiftiInput in = NiftiInput.open(file)) {
			final NiftiHeader header = in.readHeader();
			if (!header.isSingleFile()) {
				throw in.bad("the header of a .hdr/.img pair (magic ni1); a single-file NIfTI-1 (.nii or .nii.gz) is needed");
			}
			in.checkDeclaredSize(header);
			final long start = header.voxOffset();
			final long dataBytes = header.dataBytes();
			in.skipTo(start, dataBytes);
			visitor.header(header);
			final long[] dims = header.dims();
			final int sliceLength = Math.toIntExact(dims[0] * dims[1]);
			final int chunkLength = (int) Math.min(sliceLength, CHUNK / header.datatype().primitive().bytes);
			final List<byte[]> chunks = new ArrayList<>();
			for (int z = 0; z < dims[2]; z++) {
				visitor.slice(z, readSlice(in, header, sliceLength, chunkLength, chunks));
			}
			in.expectEnd(start, dataBytes);
			return header;
		}
	}

	/**
	 * Reads one slice's bytes into {@code chunks} (reused from slice to slice, a new one only
	 * when a larger slice needs it) and only then allocates and decodes the slice: memory is
	 * allocated ahead of the data by at most one chunk, whatever size the header declares. The
	 * price: a slice larger than a chunk (1 MiB; a 512×512 int16 slice is 0.5 MiB) is held
	 * twice for a moment, as bytes and as values.
	 */
	private static Object readSlice(final NiftiInput in, final NiftiHeader header, final int sliceLength,
		final int chunkLength, final List<byte[]> chunks)
	{
		final Primitive primitive = header.datatype().primitive();
		final long start = header.voxOffset();
		int used = 0;
		for (int done = 0; done < sliceLength; done += chunkLength) {
			if (used == chunks.size()) chunks.add(new byte[chunkLength * primitive.bytes]);
			final int count = Math.min(chunkLength, sliceLength - done);
			in.readData(chunks.get(used++), 0, count * primitive.bytes, start, header.dataBytes());
		}
		final Object slice = header.datatype().newSlice(sliceLength);
		used = 0;
		for (int done = 0; done < sliceLength; done += chunkLength) {
			final ByteBuffer chunk = ByteBuffer.wrap(chunks.get(used++)).order(header.byteOrder());
			primitive.decode(chunk, slice, done, Math.min(chunkLength, sliceLength - done));
		}
		return slice;
	}

	/** Gathers the slices of {@link #read}, scaling them when the header says so. */
	private static final class Collector implements SliceVisitor {

		private final String name;
		private final List<Object> slices = new ArrayList<>();
		private NiftiHeader header;
		private NiftiDatatype output;
		private double[] values;

		Collector(final String name) {
			this.name = name;
		}

		@Override
		public void header(final NiftiHeader h) {
			header = h;
			final NiftiDatatype stored = h.datatype();
			if (!h.isScaled()) output = stored;
			else if (stored.bytesPerVoxel() <= 2 || stored == NiftiDatatype.FLOAT32) output = NiftiDatatype.FLOAT32;
			else output = NiftiDatatype.FLOAT64;
			checkMemory(h.voxelCount(), output);
		}

		/** Refuses a volume larger than the heap could ever hold, rather than fail half-way through it. */
		private void checkMemory(final long voxels, final NiftiDatatype type) {
			final long limit = Runtime.getRuntime().maxMemory();
			final double needed = (double) voxels * type.bytesPerVoxel();
			if (limit == Long.MAX_VALUE || needed <= limit) return;
			throw new BadInputException(String.format(Locale.ROOT, "%s: its %s voxels (%s) need %.1f GiB of memory, more " +
				"than the %.1f GiB this Java may use (raise it, e.g. COVID_UNET_JAVA_OPTS=-Xmx%dg)", name,
				String.join("x", Arrays.stream(header.dims()).mapToObj(Long::toString).toArray(String[]::new)), type,
				needed / GIB, limit / GIB, (long) Math.ceil(needed * 1.5 / GIB)));
		}

		@Override
		public void slice(final int z, final Object voxels) {
			if (!header.isScaled()) {
				slices.add(voxels);
				return;
			}
			final long[] dims = header.dims();
			final int length = (int) (dims[0] * dims[1]);
			final double slope = header.slope();
			final double inter = header.intercept();
			if (output == NiftiDatatype.FLOAT64) {
				final double[] scaled = new double[length];
				header.datatype().toDouble(voxels, scaled);
				for (int i = 0; i < length; i++) scaled[i] = scaled[i] * slope + inter;
				slices.add(scaled);
				return;
			}
			if (values == null) values = new double[length];
			header.datatype().toDouble(voxels, values);
			final float[] scaled = new float[length];
			for (int i = 0; i < length; i++) scaled[i] = (float) (values[i] * slope + inter);
			slices.add(scaled);
		}

		Volume<?> volume() {
			return volume(output.wrapSlices(slices, header.dims()), header.geometry());
		}

		@SuppressWarnings({ "rawtypes", "unchecked" })
		private static Volume<?> volume(final PlanarImg<?, ?> image, final Geometry geometry) {
			return new Volume(image, geometry);
		}
	}
}
