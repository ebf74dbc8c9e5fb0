package vn.ntm.portal.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** One row of a unit's plan for a year: an organising level and a target trainee level ("ALL": not split). */
@Entity
@Table(name = "training_plan")
public class PlanEntry {

    public static final String ALL_LEVELS = "ALL";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private long unitId;
    @Column(name = "plan_year", nullable = false)
    private int year;
    @Column(nullable = false)
    private String organisingLevel;
    @Column(nullable = false)
    private String traineeLevel;
    @Column(nullable = false)
    private int plannedClasses;
    @Column(nullable = false)
    private int plannedParticipations;
    @Column(nullable = false)
    private long plannedBudgetVnd;
    @Version
    private long version;
    @Column(nullable = false)
    private Instant updatedAt;

    protected PlanEntry() {
    }

    public PlanEntry(long unitId, int year, String organisingLevel, String traineeLevel, Instant now) {
        this.unitId = unitId;
        this.year = year;
        this.organisingLevel = organisingLevel;
        this.traineeLevel = traineeLevel;
        this.updatedAt = now;
    }

    public void plan(int classes, int participations, long budgetVnd, Instant now) {
        this.plannedClasses = classes;
        this.plannedParticipations = participations;
        this.plannedBudgetVnd = budgetVnd;
        this.updatedAt = now;
    }

    public void moveTo(long unitId, int year, String organisingLevel, String traineeLevel) {
        this.unitId = unitId;
        this.year = year;
        this.organisingLevel = organisingLevel;
        this.traineeLevel = traineeLevel;
    }

    public Long getId() {
        return id;
    }

    public long getUnitId() {
        return unitId;
    }

    public int getYear() {
        return year;
    }

    public String getOrganisingLevel() {
        return organisingLevel;
    }

    public String getTraineeLevel() {
        return traineeLevel;
    }

    public int getPlannedClasses() {
        return plannedClasses;
    }

    public int getPlannedParticipations() {
        return plannedParticipations;
    }

    public long getPlannedBudgetVnd() {
        return plannedBudgetVnd;
    }

    public long getVersion() {
        return version;
    }
}
