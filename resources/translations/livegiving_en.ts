<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionBar</name>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the messages on air (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the messages off the air (H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name as Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On air, show the name as Anonymous (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On air, hide the amount (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold this donor&apos;s later messages (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund the donation; a reason is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message>
        <source>Select donations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message numerus="yes">
        <source>%n new donation(s), the latest %1</source>
        <translation>
            <numerusform>%n new donation, the latest %1</numerusform>
            <numerusform>%n new donations, the latest %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BroadcastController</name>
    <message>
        <source>Donations are waiting to be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audience stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audience restarted (%1). Every donation shown is saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BroadcastPage</name>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OBS overlays: links, style, test alerts (Ctrl+Shift+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go live (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End broadcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End broadcast (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OFF AIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broadcast preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> /s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause audience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume the audience (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready when you are: press Go live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This broadcast has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ENDED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume audience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the broadcast?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audience stops and the broadcast ends. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignDelegate</name>
    <message>
        <source>LIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ENDED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignListModel</name>
    <message>
        <source>Ended %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n ticket(s) sold</source>
        <translation>
            <numerusform>%1 · %n ticket sold</numerusform>
            <numerusform>%1 · %n tickets sold</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignSetupPage</name>
    <message>
        <source>Fundraiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid live event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 24-hour charity stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search nonprofits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, country or cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nonprofit organizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CHOSEN NONPROFIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show donor names on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show amounts on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept anonymous donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cooking class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professional conference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online only (no venue, the broadcast is the event)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What ticket holders will see and learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also raise money for a nonprofit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set-up error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEW CAMPAIGN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up your live campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nonprofit organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None chosen yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the nonprofit in the list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelEventDialog</name>
    <message>
        <source>Cancel the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the performer is ill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel event and refund all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the event?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every ticket is refunded (%n ticket(s), %2) and the event ends. This cannot be undone.</source>
        <translation>
            <numerusform>Every ticket is refunded (%n ticket, %2) and the event ends. This cannot be undone.</numerusform>
            <numerusform>Every ticket is refunded (%n tickets, %2) and the event ends. This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Causes</name>
    <message>
        <source>animals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>culture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>education</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>human rights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>poverty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>research</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>%1 approved this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hid this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refunded this donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 named this donor as Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 showed this donor&apos;s name again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hid this amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 showed this amount again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this donation was changed on another seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 approved the message of donation %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hid the message of donation %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refunded donation %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 named the donor of donation %2 as Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 showed the name of donation %2 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hid the amount of donation %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 showed the amount of donation %2 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donation %2 was changed on another seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionsModel</name>
    <message>
        <source>connected since %1, last seen %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnected, last seen %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleHeader</name>
    <message>
        <source>Moderation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign to moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAISED</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayNameDialog</name>
    <message>
        <source>Your display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is moderating?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name is written on the audit log with every action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Sam (mod)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DonationsCard</name>
    <message>
        <source>Donations raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALSO RAISING FOR %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nonprofit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendee name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty; give the campaign a title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is %1 characters long; at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains characters that are not valid text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not chosen; pick a nonprofit from the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in the catalog (see `livegiving organizations list`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ISO 8601 time such as 2026-12-31T20:00+01:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is outside the supported years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number above zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 1 minute and 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is longer than 2000 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ISO 4217 currency code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty; enter an amount such as 12.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is %1 characters long; no amount needs that many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; use a dot as the decimal separator (12.50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; write digits with an optional dot (12.50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has at most %2 decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has at most %2 decimal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be more than zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a display name is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 1 to %1 printable characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty; give the donor&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is below the campaign&apos;s minimum donation of %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is above the campaign&apos;s maximum of %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this campaign does not accept anonymous donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is locked by another program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database file cannot be written (it is read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database file cannot be written (permission denied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk could not be read or written (input/output error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database file is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database file cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk quota is exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database server&apos;s disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database server cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty; enter an amount such as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an amount; write it like %2 or %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an amount; write it like %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; could be %2 or %3; write one of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be above the amount raised so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is already the goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too late to undo: the donors stay thanked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign is live; end the broadcast before archiving it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign has ended; it takes no more donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign has ended; its goal can no longer change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign has ended; rehearse on a draft or live campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign takes no more donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event has already ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event has ended; it sells no more tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event has ended; it takes no more donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event is already cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event is sold out: every seat has a ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event was cancelled; it sells no more tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event was cancelled; it takes no more donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event was cancelled; its goal can no longer change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this event raises no money: it has no goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a moderator approves or hides; holding is the rules&apos; decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donation %1 is already refunded; nothing was refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donation %1 is already refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ticket %1 is already refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database took too long to answer; the statement was stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another seat was changing the same records; try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the records are locked by another seat; try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database server has too many connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database server refused the login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database does not exist on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database server is shutting down or restarting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database server is starting up; try again in a moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your database login is not allowed to do this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database server does not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database reported an error (the details are in the log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is busy: no connection was free in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audience&apos;s process was stopped by signal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audience&apos;s process ended with status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audience&apos;s process stopped answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audience&apos;s process stopped before saying what it saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 is already in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 cannot be used (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the overlay server did not start in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the overlay server cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is the ledger&apos;s own database file; choose another name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a regular file; choose a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a folder; choose a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its folder does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no visible character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must stay on one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this event raises no money: it takes no donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ticket %1 is refunded; it has no code to reissue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another program is using the ledger; close it and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database: %1 is damaged (%2). The file was not changed. See what is wrong with `livegiving --db %3 db check`, save what can be read into a new file with `livegiving --db %4 db recover --out NEW.db`, then open NEW.db (or restore a backup).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventCategory</name>
    <message>
        <source>Performance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cooking class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professional conference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventPage</name>
    <message>
        <source>Open the doors and go live (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the event and refund every ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated audience: people per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated audience: people buying or joining per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access code to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access code, e.g. ABCDE-FGHJK-…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admit whoever has this code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket sales, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund the selected ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the selected ticket a new access code; the one its buyer has stops working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the tickets (CSV or JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admission log: admitted and refused, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online and in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket price %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome, %1!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 seats sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) sold</source>
        <translation>
            <numerusform>%n ticket sold</numerusform>
            <numerusform>%n tickets sold</numerusform>
        </translation>
    </message>
    <message>
        <source>Admitted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tickets-%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) exported to %2</source>
        <translation>
            <numerusform>%n ticket exported to %2</numerusform>
            <numerusform>%n tickets exported to %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Doors closed: press Go live to let ticket holders in</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) sold for %1, %2 admitted. The doors close and the event ends.</source>
        <translation>
            <numerusform>%n ticket sold for %1, %2 admitted. The doors close and the event ends.</numerusform>
            <numerusform>%n tickets sold for %1, %2 admitted. The doors close and the event ends.</numerusform>
        </translation>
    </message>
    <message>
        <source>This event has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donations raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 admitted · %2 refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 of %2, %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refund window has closed. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ticket %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New access code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give %1 a new access code? The code they have now stops working at the door.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a new code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new access code of %1 is %2. The old one no longer opens the door.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Feed</name>
    <message>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message held for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message hidden by a moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after the broadcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thanked on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not thanked yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldButtons</name>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter by donor or message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by donor or message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 h %2 min %3 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FundraiserPage</name>
    <message>
        <source>Open the moderation console (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated donations per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated audience: donations per second (0 = paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an offline donation (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank the selected donor on air (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broadcast&apos;s summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stretch goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise the goal while live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stretch goal: raise the goal while live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fresh demo; this one is archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live donations, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No donations yet. Go live and the first gifts appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 raised of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n donation(s)</source>
        <translation>
            <numerusform>%n donation</numerusform>
            <numerusform>%n donations</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 donated %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 donated</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Thank you for your %n donation(s)!</source>
        <translation>
            <numerusform>Thank you for your donation!</numerusform>
            <numerusform>Thank you for your %n donations!</numerusform>
        </translation>
    </message>
    <message>
        <source>Thank you, %1!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you to our %1 donors!</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 raised so far from %n donation(s). The audience stops and the broadcast ends; donations given offline can still be added.</source>
        <translation>
            <numerusform>%1 raised so far from %n donation. The audience stops and the broadcast ends; donations given offline can still be added.</numerusform>
            <numerusform>%1 raised so far from %n donations. The audience stops and the broadcast ends; donations given offline can still be added.</numerusform>
        </translation>
    </message>
    <message>
        <source>Total raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the broadcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 from %n offline donation(s)</source>
        <translation>
            <numerusform>%1 from %n offline donation</numerusform>
            <numerusform>%1 from %n offline donations</numerusform>
        </translation>
    </message>
    <message>
        <source>Export donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donations-%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting donations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 donations exported to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>Change the goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New goal (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stretch goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised so far: %1. While live, the goal can only go up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>New campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise money live for a cause you love</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create your first fundraiser: pick a nonprofit, set a goal, then go live and thank your donors on air.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a fundraiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIVEGIVING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by title or nonprofit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show archived campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive the selected campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate the selected campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unarchive the selected campaign</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveSession</name>
    <message>
        <source>%1. The donations not shown in the feed were not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. They are kept and saved as soon as it works again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Saving status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every donation shown is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LiveGiving Desktop — %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OBS overlays are off: %1. Choose another port in Broadcast › Overlays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OBS overlays are starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About LiveGiving Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1
Log: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard: paste them into your bug report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donations are not being saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger cannot be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger is reachable again: every change is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving works again: no donation was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

The log could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

The details are in the log: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is on air. Quit and keep it live (it stays live for the other seats; open it again to carry on), or end it first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit, keep it live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End it and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the last donations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donations are not being saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donations cannot be saved right now. Every donation shown in the feed is saved; the ones still waiting will be lost if you quit now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit while donations are not being saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep trying</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moderation</name>
    <message>
        <source>On air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Many in a short time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large first donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 characters, over %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 donations within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large amount (from %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large first donation (from %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name hidden on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rules edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hid message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-air privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblocked donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · blocked by %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModerationActions</name>
    <message numerus="yes">
        <source>%n message(s) approved: on air now.</source>
        <translation>
            <numerusform>%n message approved: on air now.</numerusform>
            <numerusform>%n messages approved: on air now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) hidden: kept off the air.</source>
        <translation>
            <numerusform>%n message hidden: kept off the air.</numerusform>
            <numerusform>%n messages hidden: kept off the air.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On-air privacy changed for %n donation(s).</source>
        <translation>
            <numerusform>On-air privacy changed for %n donation.</numerusform>
            <numerusform>On-air privacy changed for %n donations.</numerusform>
        </translation>
    </message>
    <message>
        <source>Blocked: %1. Their later messages are held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1 to %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Refund %n donations (%1)?</source>
        <translation>
            <numerusform>Refund %n donation (%1)?</numerusform>
            <numerusform>Refund %n donations (%1)?</numerusform>
        </translation>
    </message>
    <message>
        <source>Refunded %1. Total now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already thanked on air: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No donation left for %1: their sticker and Story frame are withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules saved: they apply to the next donations.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModerationConsole</name>
    <message>
        <source>Moderation console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderation — LiveGiving Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderation views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every donation of the campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages held for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held messages are not shown on air. A approves (on air), H hides; select several rows with Shift or Ctrl.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log: every moderation action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Append-only: nothing here can be edited or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give your display name first: it is written on every action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fundraiser yet: create one in LiveGiving Desktop first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderation — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n held</source>
        <translation>
            <numerusform>%n held</numerusform>
            <numerusform>%n held</numerusform>
        </translation>
    </message>
    <message>
        <source>Hold queue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n donation(s)</source>
        <translation>
            <numerusform>%n donation</numerusform>
            <numerusform>%n donations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModeratorIdentity</name>
    <message>
        <source>Signed in as %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No display name yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderating as %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewerRows</name>
    <message numerus="yes">
        <source>%n newer ticket sale(s)</source>
        <translation>
            <numerusform>%n newer ticket sale</numerusform>
            <numerusform>%n newer ticket sales</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n newer donation(s)</source>
        <translation>
            <numerusform>%n newer donation</numerusform>
            <numerusform>%n newer donations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfflineDonationDialog</name>
    <message>
        <source>Add an offline donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name as the donor gave it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional message, read on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show as Anonymous on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash at the venue, a bank transfer, a cheque…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverlayPreview</name>
    <message>
        <source>Zoé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good luck with the marathon!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert box at %1, font %2 at %3 %, accent %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverlaysPanel</name>
    <message>
        <source>Tier %1: from amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier %1: colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier %1: sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier %1: size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove tier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay last alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip current alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected overlays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlays connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser sources for OBS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the %1 link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New links (the old ones stop working)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay server status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open to the local network (a second streaming PC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open to the local network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the server settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier shown in the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box colour (with transparency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the overlays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each alert stays on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read messages aloud (text-to-speech)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read messages aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert tiers by amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay settings error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the overlay style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good luck with the marathon!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the %1 link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The overlay server listens on port %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style saved: every overlay shows it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New links made: the old ones no longer work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test alert sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last alert plays again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped the alert on screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts paused: new ones wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser source size: %1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No overlay connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n overlay(s) connected</source>
        <translation>
            <numerusform>%n overlay connected</numerusform>
            <numerusform>%n overlays connected</numerusform>
        </translation>
    </message>
    <message>
        <source>The overlay server is not running: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The overlay server is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on port %1, open to the local network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on port %1, this computer only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverlaysWindow</name>
    <message>
        <source>Overlays — LiveGiving Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlays — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PolicyCard</name>
    <message>
        <source>Refund policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFUND POLICY</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Presence</name>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (creator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (viewer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (silent %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On duty: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No moderator watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s seat has gone (last heard %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RateCard</name>
    <message>
        <source>Donations per second, last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DONATIONS PER SECOND · LAST MINUTE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 /s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>falling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>steady</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n donation(s) in the last second, %1</source>
        <translation>
            <numerusform>%n donation in the last second, %1</numerusform>
            <numerusform>%n donations in the last second, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason is required and kept on the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Donor asked: card used by mistake</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundPolicy</name>
    <message>
        <source>Buyers can ask for a refund until %1 (%2 hours before the start).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyers can ask for a refund up to %1 hours before the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After that, only you can refund a ticket, with an override that is recorded. Cancelling the event refunds every ticket.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundTicketDialog</name>
    <message>
        <source>Refund a ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the buyer cannot attend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund anyway (creator&apos;s override, recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the refund window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refund window has closed: tick the override to refund anyway.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevenueCard</name>
    <message>
        <source>Ticket revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TICKET REVENUE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>go live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end a broadcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thank donors on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record a donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decide on messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change what goes on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block a donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unblock a donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund a donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change the moderation rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admit at the door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund a ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give a ticket a new code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancel an event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change a goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your database login cannot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role (%1) cannot %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesForm</name>
    <message>
        <source>Blocklists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One word a line. Case, accents, repeated letters and swaps like c0nnard are seen through; only whole words match (Scunthorpe passes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English blocklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French blocklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes and review flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocklisted word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message with a link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large first donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donations from one donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longer message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag a donation from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag a first donation from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag a donor giving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked donors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A blocked donor&apos;s later messages are held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off, or e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeatsCard</name>
    <message>
        <source>Seats sold and people admitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People admitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TICKETS SOLD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SEATS LEFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SEATS AND ATTENDANCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admitted now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 admitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 admitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 admitted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SharedStoryPlayer</name>
    <message>
        <source>Shared Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared Story — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write sticker.png and every frame as PNG files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click right: next · left: previous · hold or Space: pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Story shared yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the shared Story to a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written to %1: sticker.png and %2 frames</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StickerPanel</name>
    <message>
        <source>Selected sticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a donor in the feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sticker gallery of the selected donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compose Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compose a Story with the selected donor&apos;s sticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the campaign&apos;s shared Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“I DONATED” STICKERS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their stickers show here, locked and unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stickers</name>
    <message>
        <source>Unlocked %1, until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired %1: a new donation unlocks it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked: the donations were refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked: unlocked by a donation to this campaign</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Story</name>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n min ago</source>
        <translation>%n min ago</translation>
    </message>
    <message>
        <source>%n h ago</source>
        <translation>%n h ago</translation>
    </message>
    <message>
        <source>%n d ago</source>
        <translation>%n d ago</translation>
    </message>
    <message>
        <source>Gave %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an image (PNG, JPEG, GIF, BMP, WebP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a file (a device, a pipe or a folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoryCanvas</name>
    <message>
        <source>Story preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sticker %1 % across, %2 % down, size %3 %, turned %4°.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrows move it, plus and minus resize it, brackets turn it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoryComposer</name>
    <message>
        <source>Story composer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compose a Story — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunset gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violet gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ocean gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forest gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Night gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a background image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composer message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why you gave (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sticker size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sticker rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the amount I gave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign does not show amounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share to the Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share to the campaign&apos;s Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag the sticker to move it; the mouse wheel resizes it, Shift + wheel turns it. With the keyboard, on the preview: arrows move it, + and - resize it, [ and ] turn it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing needs an unlocked sticker: this one has expired. A new donation unlocks it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing needs an unlocked sticker: this donor&apos;s donations were refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing needs an unlocked sticker: a donation unlocks it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared! Your frame replaced your earlier one in the campaign&apos;s Story.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared! Your frame is in the campaign&apos;s Story.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoryView</name>
    <message>
        <source>Shared Story</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>Broadcast summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That&apos;s a wrap!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top donors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThankQueueCard</name>
    <message>
        <source>Donors not yet thanked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank everyone in the queue (Ctrl+Shift+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put them back in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To thank (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n donation(s) thanked</source>
        <translation>
            <numerusform>%n donation thanked</numerusform>
            <numerusform>%n donations thanked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tickets</name>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ticket refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code already used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event not live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 · bought %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ %1 admitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✕ %1 refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopDonorsCard</name>
    <message>
        <source>Top donors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOP DONORS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No donors yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TotalsCard</name>
    <message>
        <source>Amount raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DONORS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DONATIONS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AVERAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AMOUNT RAISED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % of the %2 goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal reached! Thank you all!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % of the goal reached!</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;New campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export donations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End broadcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Thank selected donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank &amp;all in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;offline donation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause or resume the audience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus the donor &amp;feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Moderation console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OBS &amp;overlays…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About LiveGiving Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the versions, the database and the end of the log for a bug report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Broadcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Announcements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything (donations summed up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milestones, notices and errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Labels</name>
    <message>
        <source>Alert box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent donations ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top donors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story spotlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats and attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fanfare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>%n moderator(s) watching</source>
        <translation>
            <numerusform>%n moderator watching</numerusform>
            <numerusform>%n moderators watching</numerusform>
        </translation>
    </message>
</context>
</TS>
