package covidunet.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CaseNamesTest {

	@Test
	void realNamesMapBothWays() {
		assertEquals(Optional.of("coronacases_001"), CaseNames.caseIdOfImage("coronacases_org_001.nii.gz"));
		assertEquals(Optional.of("radiopaedia_4_85506_1"),
			CaseNames.caseIdOfImage("radiopaedia_org_covid-19-pneumonia-4_85506_1-dcm.nii.gz"));
		assertEquals("coronacases_org_010.nii.gz", CaseNames.imageFileName("coronacases_010"));
		assertEquals("radiopaedia_org_covid-19-pneumonia-40_86625_0-dcm.nii.gz",
			CaseNames.imageFileName("radiopaedia_40_86625_0"));
		assertEquals("radiopaedia_7_85703_0.nii.gz", CaseNames.maskFileName("radiopaedia_7_85703_0"));
		assertEquals(Optional.of("coronacases_003"), CaseNames.caseIdOfMask("coronacases_003.nii.gz"));
	}

	@Test
	void otherNamesAreNotCases() {
		assertEquals(Optional.empty(), CaseNames.caseIdOfImage("coronacases_001.nii.gz"));
		assertEquals(Optional.empty(), CaseNames.caseIdOfImage("notes.txt"));
		assertEquals(Optional.empty(), CaseNames.caseIdOfMask(".nii.gz"));
		assertEquals(Optional.empty(), CaseNames.caseIdOfMask("readme.md"));
		assertThrows(IllegalArgumentException.class, () -> CaseNames.imageFileName("patient7"));
	}

	@Test
	void radiopaediaCasesAreTheRescaledOnes() {
		assertTrue(CaseNames.isRadiopaedia("radiopaedia_10_85902_3"));
		assertFalse(CaseNames.isRadiopaedia("coronacases_002"));
	}

	@Test
	void anyFileHasACaseId() {
		assertEquals("coronacases_001", CaseNames.caseIdOfFile(Path.of("in", "coronacases_org_001.nii.gz")));
		assertEquals("coronacases_001", CaseNames.caseIdOfFile(Path.of("coronacases_001.nii.gz")));
		assertEquals("radiopaedia_4_85506_1", CaseNames.caseIdOfFile(Path.of(
			"radiopaedia_org_covid-19-pneumonia-4_85506_1-dcm.nii.gz")));
		assertEquals("patient7", CaseNames.caseIdOfFile(Path.of("patient7.nii")));
	}
}
