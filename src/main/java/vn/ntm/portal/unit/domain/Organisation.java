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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.ntm.portal.unit.OrganisationKind;
import vn.ntm.portal.unit.OrganisationSummary;

/** An organisation, such as a coordination office, belonging to an administrative unit. */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisationKind kind;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private AdministrativeUnit unit;

    @Version
    private long version;

    protected Organisation() {
    }

    public Organisation(String name, OrganisationKind kind, AdministrativeUnit unit) {
        this.name = name;
        this.kind = kind;
        this.unit = unit;
    }

    public AdministrativeUnit getUnit() {
        return unit;
    }

    public OrganisationSummary toSummary() {
        return new OrganisationSummary(id, name, kind, unit.getId(), unit.getName());
    }
}
