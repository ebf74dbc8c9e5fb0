package vn.ntm.portal.curriculum;

import org.springframework.stereotype.Component;
import vn.ntm.portal.curriculum.domain.LearningModule;
import vn.ntm.portal.curriculum.domain.LessonRepository;
import vn.ntm.portal.curriculum.domain.Programme;
import vn.ntm.portal.curriculum.domain.ProgrammeRepository;
import vn.ntm.portal.curriculum.domain.Topic;
import vn.ntm.portal.curriculum.domain.TopicRepository;

/** Builds the summaries both services hand out, and the folded search text of a module. */
@Component
class ModuleSummaries {

    private final ProgrammeRepository programmes;
    private final TopicRepository topics;
    private final LessonRepository lessons;

    ModuleSummaries(ProgrammeRepository programmes, TopicRepository topics, LessonRepository lessons) {
        this.programmes = programmes;
        this.topics = topics;
        this.lessons = lessons;
    }

    ModuleSummary of(LearningModule m) {
        Programme programme = programmes.findById(m.getProgrammeId()).orElseThrow();
        Topic topic = topics.findById(m.getTopicId()).orElseThrow();
        return new ModuleSummary(m.getId(), m.getTitle(), m.getSummary(), programme.getId(), programme.getTitle(),
                topic.getId(), topic.getNumber(), topic.getTitle(), m.getLevels(), m.getStatus(), m.getContentVersion(),
                (int) lessons.countByModuleId(m.getId()));
    }

    /** Title, summary, topic and programme, folded: what the catalog search looks in. */
    void index(LearningModule m) {
        Programme programme = programmes.findById(m.getProgrammeId()).orElseThrow();
        Topic topic = topics.findById(m.getTopicId()).orElseThrow();
        m.setSearchText(SearchText.fold(m.getTitle() + " | " + topic.getTitle() + " | " + programme.getTitle()
                + " | " + (m.getSummary() == null ? "" : m.getSummary())));
    }
}
