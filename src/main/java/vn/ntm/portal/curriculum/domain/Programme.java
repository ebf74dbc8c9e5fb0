package vn.ntm.portal.curriculum.domain;

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
import vn.ntm.portal.curriculum.ProgrammeStatus;
import vn.ntm.portal.curriculum.ProgrammeSummary;

import java.time.LocalDate;

/** A curriculum issued by a decision, e.g. the 2021-2025 framework of 3360/QĐ-BNN-VPĐP. */
@Entity
@Table(name = "curriculum_programme")
public class Programme {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String code;
    @Column(nullable = false)
    private String title;
    private @Nullable String decisionNumber;
    private @Nullable LocalDate decisionDate;
    private @Nullable Integer periodFrom;
    private @Nullable Integer periodTo;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProgrammeStatus status = ProgrammeStatus.DRAFT;
    private @Nullable String description;
    /** The unit whose coordinators manage the programme; null for a national one (administrators only). */
    private @Nullable Long ownerUnitId;
    @Version
    private long version;

    protected Programme() {
    }

    public Programme(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public @Nullable Long getOwnerUnitId() {
        return ownerUnitId;
    }

    public void setOwnerUnitId(@Nullable Long ownerUnitId) {
        this.ownerUnitId = ownerUnitId;
    }

    public void update(String title, @Nullable String decisionNumber, @Nullable LocalDate decisionDate,
                       @Nullable Integer periodFrom, @Nullable Integer periodTo, ProgrammeStatus status,
                       @Nullable String description) {
        this.title = title;
        this.decisionNumber = decisionNumber;
        this.decisionDate = decisionDate;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.status = status;
        this.description = description;
    }

    public ProgrammeSummary toSummary() {
        return new ProgrammeSummary(id, code, title, decisionNumber, decisionDate, periodFrom, periodTo, status, description, ownerUnitId);
    }
}
