package covidunet.dataset;

import java.nio.file.Path;

/**
 * The files of one case of a {@link Dataset}.
 *
 * @param id the case id, e.g. {@code coronacases_001} or the case folder's name
 * @param image the CT volume
 * @param mask its labels: 0 background, 1 left lung, 2 right lung, 3 infection
 */
public record CaseFiles(String id, Path image, Path mask) {}
