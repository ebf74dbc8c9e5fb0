package vn.ntm.portal.curriculum.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class QuizOption {

    @Column(nullable = false)
    private String text;
    private boolean correct;

    protected QuizOption() {
    }

    public QuizOption(String text, boolean correct) {
        this.text = text;
        this.correct = correct;
    }

    public String getText() {
        return text;
    }

    public boolean isCorrect() {
        return correct;
    }
}
