package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.PhoneNumbers;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.person.Gender;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.person.PersonMatch;
import vn.ntm.portal.training.domain.RosterStore;
import vn.ntm.portal.training.domain.TrainingClass;
import vn.ntm.portal.common.Texts;
import vn.ntm.portal.training.roster.Choices;
import vn.ntm.portal.training.roster.Identifiers;
import vn.ntm.portal.training.roster.PositionLevels;
import vn.ntm.portal.training.roster.RosterColumn;
import vn.ntm.portal.training.roster.RosterFileReader;
import vn.ntm.portal.training.roster.RosterLine;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitLevel;
import vn.ntm.portal.unit.UnitSummary;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Roster import in two steps: a preview that checks every row and matches it to stored persons (national ID,
 * then phone; name + birth year + commune only as a possible duplicate), then an explicit commit that stores all
 * rows or none.
 */
@Service
public class RosterImportService {

    private final ClassAccess access;
    private final PersonDirectory persons;
    private final UnitDirectory units;
    private final RosterStore roster;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final TrainingAudit audit;

    RosterImportService(ClassAccess access, PersonDirectory persons, UnitDirectory units, RosterStore roster,
                        ApplicationEventPublisher events, Clock clock, TrainingAudit audit) {
        this.audit = audit;
        this.access = access;
        this.persons = persons;
        this.units = units;
        this.roster = roster;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public RosterPreview preview(long classId, byte[] content) {
        access.manageable(classId);
        List<RosterLine> lines = RosterFileReader.read(content);
        if (lines.isEmpty()) {
            throw new ValidationException("roster.import.error.empty");
        }
        Map<String, Integer> seenIds = new HashMap<>();
        Map<String, Integer> seenPhones = new HashMap<>();
        Map<String, String> phoneIds = new HashMap<>();
        Map<String, UnitSummary> communes = new HashMap<>();
        List<RosterLine> checked = new ArrayList<>(lines.size());
        List<PersonDetails> details = new ArrayList<>(lines.size());
        List<List<RosterPreview.Problem>> problems = new ArrayList<>(lines.size());
        for (RosterLine line : lines) {
            List<RosterPreview.Problem> found = new ArrayList<>();
            PersonDetails d = details(line, found, communes);
            if (d.nationalId() != null) {
                Integer first = seenIds.putIfAbsent(d.nationalId(), line.line());
                if (first != null) {
                    found.add(problem("roster.import.error.duplicateId", first));
                }
            }
            if (d.phone() != null) {
                // a household's phone on two rows is fine when both rows give their own, different national IDs
                Integer first = seenPhones.putIfAbsent(d.phone(), line.line());
                String otherId = phoneIds.putIfAbsent(d.phone(), d.nationalId() == null ? "" : d.nationalId());
                boolean twoPeople = otherId != null && !otherId.isEmpty() && d.nationalId() != null && !otherId.equals(d.nationalId());
                if (first != null && !twoPeople) {
                    found.add(problem("roster.import.error.duplicatePhone", first));
                }
            }
            checked.add(line);
            details.add(d);
            problems.add(found);
        }
        // the rows without a problem are matched to stored persons all at once, in a few set-based queries
        List<PersonDetails> clean = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            if (problems.get(i).isEmpty()) {
                clean.add(details.get(i));
            }
        }
        java.util.Iterator<PersonMatch> matches = persons.matchAll(clean).iterator();
        List<RosterPreview.Row> rows = new ArrayList<>(lines.size());
        int valid = 0, byId = 0, byPhone = 0, possible = 0, fresh = 0;
        for (int i = 0; i < details.size(); i++) {
            PersonMatch match = PersonMatch.NEW;
            if (problems.get(i).isEmpty()) {
                match = matches.next();
                valid++;
                switch (match.kind()) {
                    case NATIONAL_ID -> byId++;
                    case PHONE -> byPhone++;
                    case POSSIBLE_DUPLICATE -> possible++;
                    case NEW -> fresh++;
                }
            }
            rows.add(new RosterPreview.Row(checked.get(i).line(), details.get(i), List.copyOf(problems.get(i)), match,
                    levelSource(checked.get(i))));
        }
        return new RosterPreview(rows, valid, rows.size() - valid, byId, byPhone, possible, fresh);
    }

    /**
     * Stores the previewed rows: all of them, or none when any row has a problem and {@code skipInvalid} is off.
     * Possible duplicates become the stored person only when {@code samePersonForLookalikes} says so.
     * Returns how many persons were added to the roster.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public int commit(long classId, RosterPreview preview, boolean skipInvalid, boolean samePersonForLookalikes,
                      BiConsumer<Integer, Integer> progress) {
        TrainingClass c = access.manageable(classId);
        if (preview.invalid() > 0 && !skipInvalid) {
            throw new ValidationException("roster.import.error.invalidRows", preview.invalid());
        }
        List<RosterPreview.Row> rows = preview.rows().stream().filter(RosterPreview.Row::valid).toList();
        if (c.getCapacity() != null && roster.count(classId) + rows.size() > c.getCapacity()) {
            throw new ValidationException("training.error.full", c.getCapacity());
        }
        // matched again now, in batches, by national ID and phone: someone may have added persons since the preview
        // (a possible duplicate was decided on the preview)
        List<PersonMatch> now = persons.matchCertain(rows.stream().map(RosterPreview.Row::details).toList());
        Long[] personIds = new Long[rows.size()];
        List<Integer> toCreate = new ArrayList<>();
        Map<Long, PersonDetails> toFill = new java.util.LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            RosterPreview.Row row = rows.get(i);
            PersonMatch previewed = row.match();
            PersonMatch current = now.get(i);
            if (previewed.kind() == PersonMatch.Kind.POSSIBLE_DUPLICATE) {
                // the person who confirmed the preview decided: the stored lookalike, or a new record
                if (samePersonForLookalikes && previewed.personId() != null) {
                    personIds[i] = previewed.personId();
                } else {
                    toCreate.add(i);
                }
            } else if (current.certain() && current.personId() != null) {
                personIds[i] = current.personId();
                toFill.putIfAbsent(current.personId(), row.details());
            } else {
                toCreate.add(i);
            }
        }
        progress.accept(0, rows.size());
        persons.fillGapsAll(toFill);
        int step = 1_000;
        for (int from = 0; from < toCreate.size(); from += step) {
            List<Integer> chunk = toCreate.subList(from, Math.min(toCreate.size(), from + step));
            List<Long> created = persons.createAll(chunk.stream().map(i -> rows.get(i).details()).toList());
            for (int k = 0; k < chunk.size(); k++) {
                personIds[chunk.get(k)] = created.get(k);
            }
            progress.accept(Math.min(rows.size(), toFill.size() + from + chunk.size()) / 2, rows.size());
        }
        java.time.Instant at = clock.instant();
        // the roster place keeps who the trainee was for this class, as the file says
        List<RosterStore.AsRecorded> recorded = rows.stream().map(r -> asRecorded(r.details())).toList();
        List<Long> added = roster.addAll(classId, java.util.Arrays.asList(personIds), recorded, "IMPORT", at, (done, total) ->
                progress.accept(rows.size() / 2 + done / 2, rows.size()));
        for (long personId : added) {
            events.publishEvent(new RosterChanged(classId, personId, true, at));
        }
        audit.rosterImported(c, added.size());
        progress.accept(rows.size(), rows.size());
        return added.size();
    }

    /** Reads and checks the person columns of a row; shared with the import of past years' classes. */
    PersonDetails details(RosterLine line, List<RosterPreview.Problem> problems, Map<String, UnitSummary> communes) {
        String name = line.get(RosterColumn.FULL_NAME).replaceAll("\\s+", " ");
        String phoneText = line.get(RosterColumn.PHONE);
        String phone = PhoneNumbers.normalize(phoneText);
        if (!phoneText.isEmpty() && phone == null) {
            problems.add(problem("roster.error.phone", phoneText));
        }
        String nationalId = Identifiers.nationalId(line.get(RosterColumn.NATIONAL_ID));
        Integer birthYear = birthYear(line.get(RosterColumn.BIRTH_YEAR), problems);
        Long communeId = null;
        String communeText = line.get(RosterColumn.COMMUNE);
        if (!communeText.isEmpty()) {
            UnitSummary commune = communes.computeIfAbsent(communeText, this::commune);
            if (commune == null) {
                problems.add(problem("roster.import.error.commune", communeText));
            } else {
                communeId = commune.id();
            }
        }
        String genderText = line.get(RosterColumn.GENDER);
        Optional<Gender> gender = Choices.gender(genderText);
        if (gender == null) {
            problems.add(problem("roster.import.error.gender", genderText));
        }
        String position = blank(line.get(RosterColumn.POSITION));
        PersonDetails details = new PersonDetails(name, gender == null ? null : gender.orElse(null), birthYear, phone,
                nationalId.isEmpty() ? null : nationalId, communeId, position,
                level(line.get(RosterColumn.LEVEL), position, problems), blank(line.get(RosterColumn.ORGANISATION)));
        // the same rules as a person typed in the form (the text that could not be read is reported above)
        problems.addAll(PersonRules.problems(details));
        return details;
    }

    /** Where a row's level comes from: the level column, else the position by {@link PositionLevels}, else nowhere. */
    static LevelSource levelSource(RosterLine line) {
        if (!line.get(RosterColumn.LEVEL).isBlank()) {
            return LevelSource.COLUMN;
        }
        return PositionLevels.of(line.get(RosterColumn.POSITION)) != null ? LevelSource.POSITION : LevelSource.NONE;
    }

    /** A commune by its code (5 digits, a lost leading zero put back) or its name, with or without "Xã"/"Phường". */
    private @Nullable UnitSummary commune(String text) {
        String code = Identifiers.unitCode(text);
        String name = Identifiers.unitName(text);
        String wanted = name.toLowerCase(java.util.Locale.ROOT);
        return units.findByCode(code).filter(u -> u.level() == UnitLevel.COMMUNE)
                .or(() -> units.search(UnitLevel.COMMUNE, name, 0, 20).stream()
                        .filter(u -> Texts.clean(u.name()).toLowerCase(java.util.Locale.ROOT).equals(wanted))
                        .findFirst())
                .orElse(null);
    }

    /** A year (1980), or a date as 15/03/1980, 15-03-1980 or an Excel date cell, of which the year is kept. */
    private static @Nullable Integer birthYear(String text, List<RosterPreview.Problem> problems) {
        if (text.isEmpty()) {
            return null;
        }
        Integer year = null;
        if (text.matches("\\d{4}")) {
            year = Integer.parseInt(text);
        } else {
            java.time.LocalDate date = Identifiers.date(text);
            year = date == null ? null : date.getYear();
        }
        if (year == null || year < 1900 || year > Year.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getValue()) {
            problems.add(problem("roster.error.birthYear", text));
            return null;
        }
        return year;
    }

    /**
     * The level column when filled (a value outside the known names is a problem), else the level the position
     * names by the documented list; a position the list does not settle is a problem rather than a guess.
     */
    private static @Nullable TraineeLevel level(String text, @Nullable String position, List<RosterPreview.Problem> problems) {
        Optional<TraineeLevel> column = Choices.level(text);
        if (column == null) {
            problems.add(problem("roster.import.error.level", text));
            return null;
        }
        if (column.isPresent()) {
            return column.get();
        }
        if (position == null) {
            return null;
        }
        TraineeLevel fromPosition = PositionLevels.of(position);
        if (fromPosition == null) {
            problems.add(problem("roster.import.error.positionUnmapped", position));
        }
        return fromPosition;
    }

    static RosterStore.AsRecorded asRecorded(PersonDetails d) {
        return new RosterStore.AsRecorded(d.level(), d.communeId(), d.organisation(), d.position());
    }

    private static @Nullable String blank(String text) {
        return text.isBlank() ? null : text.strip();
    }

    private static RosterPreview.Problem problem(String key, Object... args) {
        return new RosterPreview.Problem(key, List.of(args));
    }
}
