package vn.ntm.portal.person.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.person.Gender;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.person.PersonSummary;

import java.time.Instant;

@Entity
@Table(name = "person")
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String fullName;

    @Enumerated(EnumType.STRING)
    private @Nullable Gender gender;
    private @Nullable Integer birthYear;
    private @Nullable String phone;
    private @Nullable String nationalId;
    private @Nullable Long communeId;
    private @Nullable String position;

    @Enumerated(EnumType.STRING)
    private @Nullable TraineeLevel traineeLevel;
    private @Nullable String organisation;
    private @Nullable Long accountId;
    private @Nullable Long mergedInto;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Person() {
    }

    public Person(PersonDetails details, Instant createdAt) {
        this.fullName = details.fullName();
        this.createdAt = createdAt;
        fillGaps(details);
    }

    /** Adds what a new record tells about this person without overwriting what is already known. */
    public void fillGaps(PersonDetails d) {
        if (gender == null) {
            gender = d.gender();
        }
        if (birthYear == null) {
            birthYear = d.birthYear();
        }
        if (phone == null) {
            phone = d.phone();
        }
        if (nationalId == null) {
            nationalId = d.nationalId();
        }
        if (communeId == null) {
            communeId = d.communeId();
        }
        if (position == null) {
            position = d.position();
        }
        if (traineeLevel == null) {
            traineeLevel = d.level();
        }
        if (organisation == null) {
            organisation = d.organisation();
        }
    }

    /** Marks this record as merged into another, giving up its unique identifiers (the kept record takes them). */
    public Identifiers mergeInto(long keptId) {
        Identifiers released = new Identifiers(nationalId, accountId);
        nationalId = null;
        accountId = null;
        mergedInto = keptId;
        return released;
    }

    /** Takes over what a merged record knew and this one did not. */
    public void absorb(Person merged, Identifiers released) {
        fillGaps(new PersonDetails(fullName, merged.gender, merged.birthYear, merged.phone, released.nationalId(), merged.communeId,
                merged.position, merged.traineeLevel, merged.organisation));
        if (accountId == null) {
            accountId = released.accountId();
        }
    }

    public record Identifiers(@Nullable String nationalId, @Nullable Long accountId) {
    }

    public @Nullable Long getMergedInto() {
        return mergedInto;
    }

    public @Nullable Long getCommuneId() {
        return communeId;
    }

    public void linkAccount(long accountId) {
        this.accountId = accountId;
    }

    public Long getId() {
        return id;
    }

    public @Nullable Long getAccountId() {
        return accountId;
    }

    public PersonSummary toSummary() {
        return new PersonSummary(id, fullName, gender, birthYear, phone, nationalId, communeId, position, traineeLevel, accountId);
    }
}
