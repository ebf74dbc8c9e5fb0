package vn.ntm.portal.person;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.Texts;

/** What is known of a person when they are added to a roster, by hand or from a file. */
public record PersonDetails(String fullName, @Nullable Gender gender, @Nullable Integer birthYear, @Nullable String phone,
                            @Nullable String nationalId, @Nullable Long communeId, @Nullable String position,
                            @Nullable TraineeLevel level, @Nullable String organisation) {

    /** The same person typed twice compares equal: names are kept composed and free of invisible characters. */
    public PersonDetails {
        fullName = Texts.clean(fullName);
        position = Texts.clean(position);
        organisation = Texts.clean(organisation);
        phone = Texts.clean(phone);
        nationalId = Texts.clean(nationalId);
    }
}
