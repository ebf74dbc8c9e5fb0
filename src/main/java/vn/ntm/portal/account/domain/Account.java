package vn.ntm.portal.account.domain;

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
import vn.ntm.portal.security.Role;

import java.time.Instant;

/** A person's account. The unit is a coordinator's scope, a trainee's commune or a trainer's unit. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    private @Nullable String email;
    private @Nullable String phone;

    @Column(nullable = false)
    private String fullName;

    @Column(nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    private @Nullable Long unitId;
    private @Nullable Long organisationId;

    @Enumerated(EnumType.STRING)
    private @Nullable TraineeLevel traineeLevel;

    private boolean enabled = true;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Account() {
    }

    public Account(String username, String fullName, String passwordHash, Role role, Instant createdAt) {
        this.username = username;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public void setPhone(@Nullable String phone) {
        this.phone = phone;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public @Nullable Long getUnitId() {
        return unitId;
    }

    public void setUnitId(@Nullable Long unitId) {
        this.unitId = unitId;
    }

    public @Nullable Long getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(@Nullable Long organisationId) {
        this.organisationId = organisationId;
    }

    public @Nullable TraineeLevel getTraineeLevel() {
        return traineeLevel;
    }

    public void setTraineeLevel(@Nullable TraineeLevel traineeLevel) {
        this.traineeLevel = traineeLevel;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
