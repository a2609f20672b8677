<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>nemo::app::ChatView</name>
    <message numerus="yes">
        <source>%n message(s). %1</source>
        <translation>
            <numerusform>%n message. %1</numerusform>
            <numerusform>%n messages. %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nemo::app::ExportDialog</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nemo::app::MediaBinPanel</name>
    <message numerus="yes">
        <source>Remove %n Media Items</source>
        <translation>
            <numerusform>Remove %n Media Item</numerusform>
            <numerusform>Remove %n Media Items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nemo::app::OfflineBanner</name>
    <message numerus="yes">
        <source>You&apos;re offline: Nemo Studio can&apos;t reach the NemoVideo service. Your work is kept; trying again in %n s.</source>
        <translation>
            <numerusform>You&apos;re offline: Nemo Studio can&apos;t reach the NemoVideo service. Your work is kept; trying again in %n second.</numerusform>
            <numerusform>You&apos;re offline: Nemo Studio can&apos;t reach the NemoVideo service. Your work is kept; trying again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nemo::app::ProjectExport</name>
    <message numerus="yes">
        <source>%n segment(s) have no media on this computer and are left empty.</source>
        <translation>
            <numerusform>%n segment has no media on this computer and is left empty.</numerusform>
            <numerusform>%n segments have no media on this computer and are left empty.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nemo::app::TimelineView</name>
    <message numerus="yes">
        <source>%1 · %n segment(s)</source>
        <translation>
            <numerusform>%1 · %n segment</numerusform>
            <numerusform>%1 · %n segments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nemo::cli::CliApplication</name>
    <message numerus="yes">
        <source>, %n day(s) left on the sign-in</source>
        <translation>
            <numerusform>, %n day left on the sign-in</numerusform>
            <numerusform>, %n days left on the sign-in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n uploaded file(s) in this session.</source>
        <translation>
            <numerusform>%n uploaded file in this session.</numerusform>
            <numerusform>%n uploaded files in this session.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hand edit(s) (nemo-cli edit list).</source>
        <translation>
            <numerusform>%n hand edit (nemo-cli edit list).</numerusform>
            <numerusform>%n hand edits (nemo-cli edit list).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nemo::client::Conversation</name>
    <message numerus="yes">
        <source>The agent may still be working on it. Nemo Studio will look at the timeline in %n second(s), then every %1 s, and stop after %2 looks without a change (or when you press Stop Waiting).</source>
        <translation>
            <numerusform>The agent may still be working on it. Nemo Studio will look at the timeline in %n second, then every %1 s, and stop after %2 looks without a change (or when you press Stop Waiting).</numerusform>
            <numerusform>The agent may still be working on it. Nemo Studio will look at the timeline in %n seconds, then every %1 s, and stop after %2 looks without a change (or when you press Stop Waiting).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing changed in %n look(s) at the timeline, so Nemo Studio stopped waiting for the agent.</source>
        <translation>
            <numerusform>Nothing changed in %n look at the timeline, so Nemo Studio stopped waiting for the agent.</numerusform>
            <numerusform>Nothing changed in %n looks at the timeline, so Nemo Studio stopped waiting for the agent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nemo::edit::EditedDraft</name>
    <message numerus="yes">
        <source>%1 has %n segment(s).</source>
        <translation>
            <numerusform>%1 has %n segment.</numerusform>
            <numerusform>%1 has %n segments.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has only %n segment(s) called “%2”.</source>
        <translation>
            <numerusform>%1 has only %n segment called “%2”.</numerusform>
            <numerusform>%1 has only %n segments called “%2”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nemo::edit::Editor</name>
    <message numerus="yes">
        <source>Move %n segment(s)</source>
        <translation>
            <numerusform>Move %n segment</numerusform>
            <numerusform>Move %n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nemo::project::ProjectStore</name>
    <message numerus="yes">
        <source>The project was damaged, so what could be read of it was recovered into a fresh copy: %n message(s)</source>
        <translation>
            <numerusform>The project was damaged, so what could be read of it was recovered into a fresh copy: %n message</numerusform>
            <numerusform>The project was damaged, so what could be read of it was recovered into a fresh copy: %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) of the media bin</source>
        <translation>
            <numerusform>%n item of the media bin</numerusform>
            <numerusform>%n items of the media bin</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nemo::render::TimelineLayout</name>
    <message numerus="yes">
        <source>%n segment(s) with no length left out.</source>
        <translation>
            <numerusform>%n segment with no length left out.</numerusform>
            <numerusform>%n segments with no length left out.</numerusform>
        </translation>
    </message>
</context>
</TS>
