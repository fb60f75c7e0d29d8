package covidunet.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

import covidunet.testing.Python;

/**
 * The metrics computed independently with NumPy and SciPy: surfaces as the mask minus its
 * 6-connected erosion (voxels outside the volume count as background), distances from
 * {@code distance_transform_edt} with the voxel spacing, HD95 from {@code numpy.percentile}, and
 * the empty-class rule written out again.
 */
final class ScipyMetrics {

	private static final String SCRIPT = String.join("\n",
		"import sys, json, numpy as np",
		"from scipy import ndimage",
		"nx, ny, nz = (int(a) for a in sys.argv[1:4])",
		"sx, sy, sz = (float(a) for a in sys.argv[4:7])",
		"classes = {'background': ([0], 1.0), 'lung_L': ([1], 1.0), 'lung_R': ([2], 1.0), 'infection': ([3], 3.0),",
		"           'lungs_union': ([1, 2, 3], 1.0)}",
		"cross = ndimage.generate_binary_structure(3, 1)",
		"def load(path):",
		"    return np.fromfile(path, dtype=np.uint8).reshape((nz, ny, nx))",
		"def surface(mask):",
		"    return mask & ~ndimage.binary_erosion(mask, structure=cross, border_value=0)",
		"def distances(a, b):",
		"    edt = ndimage.distance_transform_edt(~surface(b), sampling=(sz, sy, sx))",
		"    return edt[surface(a)]",
		"def share(n, d):",
		"    return n / d if d > 0 else 0.0",
		"out = []",
		"for truth_path, prediction_path in zip(sys.argv[7::2], sys.argv[8::2]):",
		"    truth, prediction = load(truth_path), load(prediction_path)",
		"    case = {}",
		"    for name, (labels, tolerance) in classes.items():",
		"        a, b = np.isin(truth, labels), np.isin(prediction, labels)",
		"        tp, fp = int(np.sum(a & b)), int(np.sum(~a & b))",
		"        fn, tn = int(np.sum(a & ~b)), int(np.sum(~a & ~b))",
		"        none = tp + fp + fn == 0",
		"        m = {'DSC': 1.0 if none else share(2 * tp, 2 * tp + fp + fn),",
		"             'IoU': 1.0 if none else share(tp, tp + fp + fn),",
		"             'Sens': 1.0 if none else share(tp, tp + fn),",
		"             'Prec': 1.0 if none else share(tp, tp + fp),",
		"             'Spec': share(tn, tn + fp) if tn + fp > 0 else 1.0,",
		"             'Acc': (tp + tn) / truth.size}",
		"        if none:",
		"            m['HD95'], m['NSD'] = 0.0, 1.0",
		"        elif not a.any() or not b.any():",
		"            m['HD95'], m['NSD'] = None, 0.0",
		"        else:",
		"            d = np.concatenate([distances(a, b), distances(b, a)])",
		"            m['HD95'], m['NSD'] = float(np.percentile(d, 95)), float(np.mean(d <= tolerance))",
		"        case[name] = m",
		"    left, right = case['lung_L'], case['lung_R']",
		"    case['lungs_mean'] = {k: None if left[k] is None or right[k] is None else (left[k] + right[k]) / 2",
		"                          for k in left}",
		"    out.append(case)",
		"print(json.dumps(out))");

	private ScipyMetrics() {}

	/**
	 * Per case (raw uint8 label files, x fastest, given as truth and prediction), per class key and
	 * metric key the value, {@code null} for NaN.
	 */
	static JsonArray measure(final int[] size, final double[] spacing, final List<Path[]> cases) {
		final List<String> args = new ArrayList<>();
		for (final int n : size) args.add(Integer.toString(n));
		for (final double s : spacing) args.add(Double.toString(s));
		for (final Path[] c : cases) {
			args.add(c[0].toString());
			args.add(c[1].toString());
		}
		return JsonParser.parseString(Python.lastLine(SCRIPT, args.toArray(String[]::new))).getAsJsonArray();
	}
}
