#pragma once

#include <QWidget>

class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;

namespace sluice {

class PolicyHighlighter;
class PolicyTextModel;

// The XML view of one policy file: the text with syntax highlighting and a
// marker at every problem the core's parser and validator find, listed below
// with line and column (activating one puts the cursor there).
class PolicyXmlView : public QWidget
{
    Q_OBJECT

public:
    explicit PolicyXmlView(QWidget *parent = nullptr);

    // Shows the model's text (the cursor stays when the text is what the
    // editor already holds) and its problems.
    void setModel(const PolicyTextModel &model);
    // Puts the cursor at a 1-based line and column.
    void goTo(int line, int column);
    QPlainTextEdit *editor() const { return m_edit; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // The user changed the text.
    void textEdited(const QString &text);

private:
    void markProblems(const PolicyTextModel &model);
    void activate(QListWidgetItem *item);
    int positionOf(int line, int column) const;

    QPlainTextEdit *m_edit;
    QListWidget *m_problems;
    PolicyHighlighter *m_highlighter;
    QString m_text; // as the model or the user last left it, with LF line ends
    bool m_crlf = false; // the file's lines end in CRLF
    bool m_updating = false;
};

} // namespace sluice
