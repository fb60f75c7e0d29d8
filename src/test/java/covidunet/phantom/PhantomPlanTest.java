package covidunet.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import covidunet.BadInputException;
import covidunet.dataset.CaseNames;

/** The cohort's plan: its mix of cases, names and grids, without making voxels. */
class PhantomPlanTest {

	@Test
	void theDefaultCohortHasInfectionInMostCasesAndNoneInAtLeastOne() {
		final List<PhantomCase> cohort = PhantomCohort.of(1, 20, "small").plan();
		final long infected = cohort.stream().filter(c -> c.lesionCount() > 0).count();
		assertTrue(infected >= 15, infected + " of 20 cases have lesions");
		assertTrue(infected < 20, "every case has lesions");
		for (final PhantomCase c : cohort) {
			assertEquals(c.severity() != Severity.NONE, c.lesionCount() > 0, c.id() + " " + c.severity());
		}
	}

	@Test
	void eachBlockOfTenCasesHasTheSeverityMix() {
		final Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
		for (int i = 0; i < 10; i++) counts.merge(CohortDesign.severity(7, 10 + i), 1, Integer::sum);
		assertEquals(Map.of(Severity.NONE, 1, Severity.TINY, 1, Severity.MILD, 2, Severity.MODERATE, 4,
			Severity.SEVERE, 2), counts);
	}

	@Test
	void aboutAQuarterOfTheCasesAreRadiopaediaLikeAndAQuarterLps() {
		for (final long seed : new long[] { 1, 2, 99 }) {
			int radiopaedia = 0, lps = 0;
			for (int i = 0; i < 40; i++) {
				if (CohortDesign.radiopaedia(seed, i)) radiopaedia++;
				if (CohortDesign.lps(seed, i)) lps++;
			}
			assertEquals(10, radiopaedia);
			assertEquals(10, lps);
		}
	}

	@Test
	void caseIdsFollowTheDatasetNamesAndNeverRepeat() {
		final Set<String> ids = new HashSet<>();
		int coronacases = 0;
		for (int i = 0; i < PhantomCohort.MAX_CASES; i++) {
			final String id = CohortDesign.caseId(5, i);
			assertTrue(ids.add(id), id + " repeats");
			if (CohortDesign.radiopaedia(5, i)) {
				assertTrue(id.matches("radiopaedia_\\d+_\\d{5,6}_[0-3]"), id);
				assertTrue(CaseNames.isRadiopaedia(id), id);
			}
			else {
				assertEquals(String.format("coronacases_%03d", ++coronacases), id);
			}
			assertEquals(id, CaseNames.caseIdOfImage(CaseNames.imageFileName(id)).orElseThrow());
		}
	}

	@Test
	void aCaseDependsOnlyOnTheSeedAndItsIndex() {
		final List<PhantomCase> six = PhantomCohort.of(11, 6, "small").plan();
		final PhantomCase alone = PhantomCase.plan(11, 4, PhantomSize.SMALL);
		final PhantomCase inCohort = six.get(4);
		assertEquals(alone.id(), inCohort.id());
		assertEquals(alone.geometry().affine(), inCohort.geometry().affine());
		assertEquals(alone.lesionCount(), inCohort.lesionCount());
		assertEquals(alone.noise(), inCohort.noise());
		assertEquals(alone.lungVolumeMl(Lungs.LEFT), inCohort.lungVolumeMl(Lungs.LEFT));
	}

	@Test
	void gridsFollowTheSizes() {
		boolean under80 = false, notSquare = false;
		for (int i = 0; i < 24; i++) {
			final PhantomCase small = PhantomCase.plan(2, i, PhantomSize.SMALL);
			final double[] s = small.geometry().spacing();
			final long[] d = small.geometry().dims();
			assertTrue(s[0] >= 1.2 && s[0] <= 1.6 && s[1] == s[0], small.id() + " spacing " + s[0]);
			assertTrue(s[2] >= 2.5 && s[2] <= 5, small.id() + " slices " + s[2]);
			assertTrue(d[0] >= 224 && d[0] <= 352, small.id() + " width " + d[0]);
			under80 |= d[2] < 80;
			notSquare |= d[1] != d[0];
			assertTrue(small.noise() >= 6 && small.noise() <= 50, small.id() + " noise " + small.noise());
			assertTrue(small.blur() >= 0.25 && small.blur() <= 1.28, small.id() + " blur " + small.blur());
			final PhantomCase full = PhantomCase.plan(2, i, PhantomSize.FULL);
			assertEquals(512, full.geometry().dim(0));
			final double[] f = full.geometry().spacing();
			assertTrue(f[0] >= 0.6 && f[0] <= 0.95, full.id() + " spacing " + f[0]);
			assertTrue(f[2] >= 1 && f[2] <= 5, full.id() + " slices " + f[2]);
			assertEquals(small.lungVolumeMl(Lungs.RIGHT), full.lungVolumeMl(Lungs.RIGHT), "same anatomy in both sizes");
		}
		assertTrue(under80, "no case has fewer than 80 slices");
		assertTrue(notSquare, "every case is square in-plane");
	}

	@Test
	void badParametersNameTheParameter() {
		assertTrue(assertThrows(BadInputException.class, () -> PhantomCohort.of(1, 0, "small")).getMessage()
			.startsWith("cases: 0 "));
		assertTrue(assertThrows(BadInputException.class, () -> PhantomCohort.of(1, 1001, "small")).getMessage()
			.startsWith("cases: 1001 "));
		assertTrue(assertThrows(BadInputException.class, () -> PhantomCohort.of(1, 3, "huge")).getMessage()
			.startsWith("size: 'huge' "));
		assertEquals(PhantomSize.FULL, PhantomCohort.of(1, 3, "FULL").size());
	}
}
