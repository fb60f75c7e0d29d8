package covidunet.phantom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

import covidunet.dataset.CaseNames;

/**
 * {@code phantom.json}, written beside the two dataset folders: the generator, seed and size,
 * and per case its id, files, intensity kind, grid, orientation, scanner noise and blur,
 * severity, lesion counts (all, ground glass, consolidation) and estimated lung volumes.
 * Deterministic: no times, no paths.
 */
final class Manifest {

	/** The manifest's file name. */
	static final String FILE_NAME = "phantom.json";

	/** Names this generator's version; changes whenever the same seed would give other files. */
	static final String GENERATOR = "covid-unet phantom 1";

	private Manifest() {}

	static void write(final Path file, final long seed, final PhantomSize size, final List<PhantomCase> cases)
		throws IOException
	{
		final Map<String, Object> root = new LinkedHashMap<>();
		root.put("generator", GENERATOR);
		root.put("seed", seed);
		root.put("size", size.id());
		root.put("images", CaseNames.IMAGE_FOLDER);
		root.put("masks", CaseNames.MASK_FOLDER);
		root.put("labels", List.of("background", "left lung", "right lung", "infection"));
		final List<Map<String, Object>> list = new ArrayList<>();
		for (final PhantomCase c : cases) {
			list.add(entry(c));
		}
		root.put("cases", list);
		Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n",
			StandardCharsets.UTF_8);
	}

	private static Map<String, Object> entry(final PhantomCase c) {
		final Map<String, Object> e = new LinkedHashMap<>();
		e.put("id", c.id());
		e.put("image", CaseNames.IMAGE_FOLDER + "/" + c.imageFileName());
		e.put("mask", CaseNames.MASK_FOLDER + "/" + c.maskFileName());
		e.put("intensity", c.isRadiopaedia() ? "0-255" : "HU");
		e.put("datatype", c.isRadiopaedia() ? "uint8" : "int16");
		e.put("orientation", c.orientation());
		e.put("dims", c.geometry().dims());
		final double[] spacing = c.geometry().spacing();
		e.put("spacing", new double[] { round(spacing[0]), round(spacing[1]), round(spacing[2]) });
		e.put("noise_hu", round(c.noise()));
		e.put("blur_voxels", round(c.blur()));
		e.put("noise_grain_voxels", round(c.noiseGrain()));
		e.put("reconstruction_circle", c.hasReconstructionCircle());
		if (c.hasReconstructionCircle()) e.put("padding", c.padding());
		final Variation v = c.variation;
		e.put("field_of_view", v.baseSlab() > 0 ? "lung bases and abdomen" : v.below() > 0 ? "chest and abdomen" :
			"chest");
		e.put("arms", v.armsDown() ? "down" : "up");
		e.put("contrast_hu", round(v.enhancement()));
		e.put("bowel_gas", round(v.bowelGas()));
		e.put("dependent_density_hu", round(v.dependent()));
		e.put("effusion_mm", round(v.effusion()));
		e.put("emphysema", round(v.emphysema()));
		e.put("severity", c.severity().id());
		e.put("lesions", c.lesionCount());
		e.put("ground_glass", c.lesions.stream().filter(l -> l.kind == Lesion.Kind.GROUND_GLASS).count());
		e.put("consolidation", c.lesions.stream().filter(l -> l.kind == Lesion.Kind.CONSOLIDATION).count());
		e.put("lung_volume_ml", new double[] { Math.rint(c.lungVolumeMl(Lungs.LEFT)),
			Math.rint(c.lungVolumeMl(Lungs.RIGHT)) });
		return e;
	}

	private static double round(final double value) {
		return Math.rint(value * 1000) / 1000;
	}
}
