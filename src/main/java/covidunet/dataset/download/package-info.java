/**
 * Downloading the 20-case COVID-19 CT dataset (Zenodo record 3757476) safely: HTTPS only (plain
 * HTTP only to this machine), resumable with HTTP range requests, each zip verified by its
 * SHA-256 before it is used, and extracted by {@link covidunet.dataset.download.SafeUnzip}, which
 * refuses entries that would land outside the target, links and zip bombs and leaves nothing
 * behind when it refuses. {@link covidunet.dataset.download.DatasetDownload} puts it together.
 */
package covidunet.dataset.download;
