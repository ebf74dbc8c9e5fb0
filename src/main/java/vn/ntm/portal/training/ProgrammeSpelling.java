package vn.ntm.portal.training;

import vn.ntm.portal.common.Texts;
import vn.ntm.portal.training.domain.TrainingClassRepository;

/**
 * One programme is one row in every report, however a class was typed or imported: a programme written in another
 * case, without diacritics or decomposed takes the spelling other classes already have.
 */
final class ProgrammeSpelling {

    private ProgrammeSpelling() {
    }

    /** {@code selfId}: the class being edited (its own spelling may be corrected), 0 for a new one. */
    static ClassForm onRecord(TrainingClassRepository classes, ClassForm form, long selfId) {
        if (form.programme() == null) {
            return form;
        }
        String typed = Texts.fold(form.programme());
        return classes.programmesOnRecord(selfId).stream().filter(p -> Texts.fold(p).equals(typed)).findFirst()
                .filter(onRecord -> !onRecord.equals(form.programme())).map(form::withProgramme).orElse(form);
    }
}
