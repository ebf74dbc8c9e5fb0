package vn.ntm.portal.unit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.unit.UnitKind;
import vn.ntm.portal.unit.UnitLevel;
import vn.ntm.portal.unit.UnitSummary;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

@Entity
@Table(name = "administrative_unit")
public class AdministrativeUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    private @Nullable String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitLevel level;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private @Nullable AdministrativeUnit parent;

    @Column(nullable = false)
    private String path;

    private @Nullable LocalDate validFrom;
    private @Nullable LocalDate validTo;

    @ManyToMany
    @JoinTable(name = "unit_successor", joinColumns = @JoinColumn(name = "unit_id"),
            inverseJoinColumns = @JoinColumn(name = "successor_id"))
    private Set<AdministrativeUnit> successors = new LinkedHashSet<>();

    @Version
    private long version;

    protected AdministrativeUnit() {
    }

    public AdministrativeUnit(String code) {
        this.code = code;
    }

    /**
     * Applies what an import says of this unit; returns true when anything changed, so that
     * re-importing the same file touches nothing.
     */
    public boolean update(String name, @Nullable String nameEn, UnitKind kind, @Nullable AdministrativeUnit parent,
                          @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
        UnitLevel newLevel = kind.levelUnder(parent == null ? null : parent.level);
        String newPath = (parent == null ? "/" : parent.path) + code + "/";
        boolean changed = !Objects.equals(this.name, name) || !Objects.equals(this.nameEn, nameEn)
                || this.kind != kind || this.level != newLevel || !Objects.equals(this.path, newPath)
                || !Objects.equals(this.validFrom, validFrom) || !Objects.equals(this.validTo, validTo)
                || !Objects.equals(parentCode(), parent == null ? null : parent.code);
        if (changed) {
            this.name = name;
            this.nameEn = nameEn;
            this.kind = kind;
            this.level = newLevel;
            this.parent = parent;
            this.path = newPath;
            this.validFrom = validFrom;
            this.validTo = validTo;
        }
        return changed;
    }

    /** Replaces the successors; returns true when the set changed. */
    public boolean replaceSuccessors(Set<AdministrativeUnit> newSuccessors) {
        if (successorCodes().equals(codes(newSuccessors))) {
            return false;
        }
        successors.clear();
        successors.addAll(newSuccessors);
        return true;
    }

    private static Set<String> codes(Set<AdministrativeUnit> units) {
        Set<String> codes = new java.util.TreeSet<>();
        units.forEach(u -> codes.add(u.code));
        return codes;
    }

    public Set<String> successorCodes() {
        return codes(successors);
    }

    public @Nullable String parentCode() {
        return parent == null ? null : parent.code;
    }

    public UnitSummary toSummary() {
        return new UnitSummary(id, code, name, kind, level, parent == null ? null : parent.id, path, validTo);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public UnitLevel getLevel() {
        return level;
    }

    public String getPath() {
        return path;
    }

    public Set<AdministrativeUnit> getSuccessors() {
        return successors;
    }
}
