<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</context>
<context>
    <name>Errors</name>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minimum donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donor name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>external id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ticket price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donation</source>
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
        <source>%1: %2</source>
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
        <source>Message held for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message hidden by a moderator</source>
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
</context>
<context>
    <name>LivePage</name>
    <message>
        <source>Campaigns</source>
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
        <source>OFF AIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broadcast preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated donations per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> /s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated audience: donations per second (0 = paused)</source>
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
        <source>Live donations, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No donations yet. Go live and the first gifts appear here.</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>Donations per second, last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top donors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donors not yet thanked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank everyone in the queue (Ctrl+Shift+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AMOUNT RAISED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DONATIONS PER SECOND · LAST MINUTE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOP DONORS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donations are waiting to be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 donated %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 donated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % of the %2 goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 raised of %2</source>
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
    <message>
        <source>No donors yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 /s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRAFT</source>
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
        <source>LIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ENDED</source>
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
        <source>To thank (%1)</source>
        <translation type="unfinished"></translation>
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
        <source>Resume audience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you, %1!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you to our %1 donors!</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every donation shown is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live view of paid events comes with ticketing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid event created as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>&amp;About LiveGiving Desktop</source>
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
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes the next time LiveGiving Desktop starts.</source>
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
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

The details are in the log: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the last donations…</source>
        <translation type="unfinished"></translation>
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
</TS>
