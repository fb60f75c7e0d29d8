package covidunet.dataset.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import covidunet.dataset.CaseNames;

/**
 * A tiny stand-in for the four zips of Zenodo record 3757476: two cases in the real file names
 * (random bytes, not NIfTI), two zips without a top-level folder and two with one, as the real
 * zips may be either way.
 */
public final class TestDataset {

	/** The case ids. */
	public static final String[] CASES = { "coronacases_001", "radiopaedia_4_85506_1" };

	/** Folder → file name → content, as the extracted dataset must look. */
	public final Map<String, Map<String, byte[]>> folders = new LinkedHashMap<>();

	/** Zip name → zip bytes. */
	public final Map<String, byte[]> zips = new LinkedHashMap<>();

	/** The dataset. */
	public TestDataset() {
		final Map<String, byte[]> images = new LinkedHashMap<>();
		final Map<String, byte[]> masks = new LinkedHashMap<>();
		final Map<String, byte[]> lungs = new LinkedHashMap<>();
		final Map<String, byte[]> infections = new LinkedHashMap<>();
		for (int i = 0; i < CASES.length; i++) {
			images.put(CaseNames.imageFileName(CASES[i]), TestZips.random(120_000 + 1000 * i, 100 + i));
			masks.put(CaseNames.maskFileName(CASES[i]), TestZips.random(3000 + i, 200 + i));
			lungs.put(CaseNames.maskFileName(CASES[i]), TestZips.random(2000 + i, 300 + i));
			infections.put(CaseNames.maskFileName(CASES[i]), TestZips.random(1000 + i, 400 + i));
		}
		add(ZenodoRecord.IMAGES, images, false);
		add(ZenodoRecord.LUNG_AND_INFECTION_MASKS, masks, true);
		add(ZenodoRecord.LUNG_MASKS, lungs, true);
		add(ZenodoRecord.INFECTION_MASKS, infections, false);
	}

	private void add(final DatasetFile file, final Map<String, byte[]> contents, final boolean topFolder) {
		folders.put(file.folder(), contents);
		final Map<String, byte[]> entries = new LinkedHashMap<>();
		if (topFolder) entries.put(file.folder() + "/", new byte[0]);
		for (final Map.Entry<String, byte[]> e : contents.entrySet()) {
			entries.put(topFolder ? file.folder() + "/" + e.getKey() : e.getKey(), e.getValue());
		}
		zips.put(file.name(), TestZips.zip(entries));
	}

	/** Serves every zip. */
	public void serveOn(final LocalServer server) {
		zips.forEach(server::serve);
	}

	/** Writes the full digests of the zips in sha256sum's format; returns the file. */
	public Path writeChecksums(final Path file) throws IOException {
		final StringBuilder list = new StringBuilder();
		zips.forEach((name, bytes) -> list.append(TestZips.sha256(bytes)).append("  ").append(name).append('\n'));
		return Files.writeString(file, list);
	}
}
