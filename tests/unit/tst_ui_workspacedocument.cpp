// WorkspaceDocument as the console's editable document: model and policy
// edits through its undo stack, the modified state, save to disk (only what
// changed, atomically) and the read back, and a save that fails naming the file.

#include "TestWorkspace.h"
#include "WorkspaceDocument.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUndoCommand>
#include <QUndoStack>

using namespace sluice;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The kind of command a page pushes: the policy text before and after.
class PolicyEdit : public QUndoCommand
{
public:
    PolicyEdit(WorkspaceDocument *document, QString path, QByteArray text)
        : QUndoCommand(QStringLiteral("Edit policy"))
        , m_document(document)
        , m_path(std::move(path))
        , m_before(document->policyText(m_path))
        , m_after(std::move(text))
    { }
    void redo() override { m_document->setPolicyText(m_path, m_after); }
    void undo() override { m_document->setPolicyText(m_path, m_before); }

private:
    WorkspaceDocument *m_document;
    QString m_path;
    QByteArray m_before;
    QByteArray m_after;
};

class WorkspaceEdit : public QUndoCommand
{
public:
    WorkspaceEdit(WorkspaceDocument *document, Workspace after)
        : QUndoCommand(QStringLiteral("Edit workspace"))
        , m_document(document)
        , m_before(document->workspace())
        , m_after(std::move(after))
    { }
    void redo() override { m_document->setWorkspace(m_after); }
    void undo() override { m_document->setWorkspace(m_before); }

private:
    WorkspaceDocument *m_document;
    Workspace m_before;
    Workspace m_after;
};

const QString echoPolicy = QStringLiteral("policies/apis/echo.xml");

} // namespace

class TestWorkspaceDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_workspace = std::make_unique<TestWorkspace>();
        QVERIFY(m_workspace->copyFrom(QStringLiteral(SLUICE_SOURCE_DIR "/resources/sample-workspace")));
        QVERIFY(m_document.open(m_workspace->path()));
    }

    void policyTextComesFromDiskUntilEdited()
    {
        const QByteArray onDisk = readFile(m_workspace->path() + QLatin1Char('/') + echoPolicy);
        QVERIFY(!onDisk.isEmpty());
        QCOMPARE(m_document.policyText(echoPolicy), onDisk);
        QVERIFY(m_document.policyText(QStringLiteral("policies/products/none.xml")).isEmpty());
        QVERIFY(m_document.policyText(QStringLiteral("../workspace.json")).isEmpty());
        QVERIFY(!m_document.isModified());

        QSignalSpy edited(&m_document, &WorkspaceDocument::policyTextEdited);
        QSignalSpy modified(&m_document, &WorkspaceDocument::modifiedChanged);
        m_document.undoStack()->push(new PolicyEdit(&m_document, echoPolicy, "<policies />"));
        QCOMPARE(m_document.policyText(echoPolicy), QByteArray("<policies />"));
        QCOMPARE(edited.size(), 1);
        QCOMPARE(edited.at(0).at(0).toString(), echoPolicy);
        QVERIFY(m_document.isModified());
        QCOMPARE(modified.size(), 1);
        QCOMPARE(modified.at(0).at(0).toBool(), true);

        m_document.undoStack()->undo();
        QCOMPARE(m_document.policyText(echoPolicy), onDisk);
        QVERIFY(!m_document.isModified());
        // Nothing was written.
        QCOMPARE(readFile(m_workspace->path() + QLatin1Char('/') + echoPolicy), onDisk);
    }

    void pathsOutsidePoliciesAreRefused()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not a policy file")));
        m_document.setPolicyText(QStringLiteral("policies/../workspace.json"), "{}");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not a policy file")));
        m_document.setPolicyText(QStringLiteral("/etc/passwd.xml"), "x");
        QVERIFY(m_document.policyText(QStringLiteral("/etc/passwd.xml")).isEmpty());
    }

    void saveWritesWhatChangedAndReadsBack()
    {
        const QString jsonPath = m_workspace->path() + QStringLiteral("/workspace.json");
        const QByteArray jsonBefore = readFile(jsonPath);
        const QString newPolicy = QStringLiteral("policies/products/starter.xml");
        const QByteArray newText = "<policies>\n  <inbound><base /></inbound>\n</policies>\n";
        m_document.undoStack()->push(new PolicyEdit(&m_document, newPolicy, newText));

        QSignalSpy saved(&m_document, &WorkspaceDocument::saved);
        QSignalSpy loaded(&m_document, &WorkspaceDocument::loaded);
        QString error;
        QVERIFY2(m_document.save(&error), qPrintable(error));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(loaded.size(), 1);
        QVERIFY(!m_document.isModified());
        QCOMPARE(readFile(m_workspace->path() + QLatin1Char('/') + newPolicy), newText);
        // The model did not change: workspace.json is left as it was, byte for byte.
        QCOMPARE(readFile(jsonPath), jsonBefore);
        QVERIFY(m_document.policyFiles().contains(newPolicy));

        Workspace renamed = m_document.workspace();
        renamed.name = QStringLiteral("Renamed in the console");
        m_document.undoStack()->push(new WorkspaceEdit(&m_document, renamed));
        QVERIFY(m_document.isModified());
        QVERIFY2(m_document.save(&error), qPrintable(error));
        QCOMPARE(QJsonDocument::fromJson(readFile(jsonPath)).object().value(QStringLiteral("name")).toString(),
                 renamed.name);
        QCOMPARE(m_document.workspace().name, renamed.name);

        // Undo after a save is an edit again, and the stack survives the save.
        m_document.undoStack()->undo();
        QVERIFY(m_document.isModified());
        QVERIFY(m_document.workspace().name != renamed.name);
        m_document.undoStack()->redo();
        QVERIFY(!m_document.isModified());
    }

    void emptyTextRemovesTheFileOnSave()
    {
        const QString path = m_workspace->path() + QLatin1Char('/') + echoPolicy;
        QVERIFY(QFile::exists(path));
        m_document.undoStack()->push(new PolicyEdit(&m_document, echoPolicy, {}));
        QString error;
        QVERIFY2(m_document.save(&error), qPrintable(error));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!m_document.policyFiles().contains(echoPolicy));
    }

    void failedSaveNamesTheFileAndKeepsTheEdits()
    {
        // A file where the folder of the new policy would have to be.
        m_workspace->writeFile(QStringLiteral("policies/apis/blocked"), "not a folder");
        const QString path = QStringLiteral("policies/apis/blocked/op.xml");
        m_document.undoStack()->push(new PolicyEdit(&m_document, path, "<policies />"));
        QSignalSpy saved(&m_document, &WorkspaceDocument::saved);
        QString error;
        QVERIFY(!m_document.save(&error));
        QVERIFY2(error.contains(QStringLiteral("blocked")), qPrintable(error));
        QCOMPARE(saved.size(), 0);
        QVERIFY(m_document.isModified());
        QCOMPARE(m_document.policyText(path), QByteArray("<policies />"));
    }

    void openAndReloadDropEditsAndClearTheStack()
    {
        m_document.undoStack()->push(new PolicyEdit(&m_document, echoPolicy, "<policies />"));
        QVERIFY(m_document.reload());
        QVERIFY(!m_document.isModified());
        QCOMPARE(m_document.undoStack()->count(), 0);
        QVERIFY(m_document.policyText(echoPolicy) != QByteArray("<policies />"));
        m_document.close();
        QVERIFY(m_document.policyText(echoPolicy).isEmpty());
    }

private:
    std::unique_ptr<TestWorkspace> m_workspace;
    WorkspaceDocument m_document;
};

QTEST_GUILESS_MAIN(TestWorkspaceDocument)
#include "tst_ui_workspacedocument.moc"
