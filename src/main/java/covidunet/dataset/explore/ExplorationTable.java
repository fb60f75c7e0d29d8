package covidunet.dataset.explore;

import java.util.List;

import covidunet.dataset.IntensityKind;
import covidunet.io.CsvTable;

/** The per-case table of {@code explore} ({@value #FILE}): one row per case. */
public final class ExplorationTable {

	/** File name of the table. */
	public static final String FILE = "cases.csv";

	/** The columns, in order. */
	public static final List<String> COLUMNS = List.of("case", "kind", "dim_x", "dim_y", "dim_z", "spacing_x",
		"spacing_y", "spacing_z", "orientation", "min", "max", "mean", "voxels_background", "voxels_lung_left",
		"voxels_lung_right", "voxels_infection", "ml_lung_left", "ml_lung_right", "ml_infection", "ml_lungs",
		"infection_percent");

	/** Kind of a case in HU. */
	public static final String HU = "HU";

	/** Kind of a case windowed to [−1250, 250] and rescaled to 0–255. */
	public static final String RESCALED = "0-255";

	private ExplorationTable() {}

	/** The table of these cases. */
	public static CsvTable of(final List<CaseExploration> cases) {
		final CsvTable table = new CsvTable(COLUMNS);
		for (final CaseExploration c : cases) {
			table.add(c.id(), c.kind() == IntensityKind.RESCALED_0_255 ? RESCALED : HU, c.dims()[0], c.dims()[1], c.dims()[2], c.spacing()[0],
				c.spacing()[1], c.spacing()[2], c.orientation(), c.min(), c.max(), c.mean(), c.voxels()[0], c.voxels()[1],
				c.voxels()[2], c.voxels()[3], c.millilitres(1), c.millilitres(2), c.millilitres(3), c.lungMillilitres(),
				c.infectionPercent());
		}
		return table;
	}
}
