<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ActionBar</name>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Put the messages on air (A)</source>
        <translation>Passer les messages à l&apos;antenne (A)</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Keep the messages off the air (H)</source>
        <translation>Ne pas passer les messages à l&apos;antenne (H)</translation>
    </message>
    <message>
        <source>Name as Anonymous</source>
        <translation>Rendre anonyme</translation>
    </message>
    <message>
        <source>On air, show the name as Anonymous (N)</source>
        <translation>À l&apos;antenne, afficher «&#xa0;Anonyme&#xa0;» au lieu du nom (N)</translation>
    </message>
    <message>
        <source>Hide amount</source>
        <translation>Masquer le montant</translation>
    </message>
    <message>
        <source>On air, hide the amount (M)</source>
        <translation>À l&apos;antenne, masquer le montant (M)</translation>
    </message>
    <message>
        <source>Block donor</source>
        <translation>Bloquer le donateur</translation>
    </message>
    <message>
        <source>Hold this donor&apos;s later messages (B)</source>
        <translation>Mettre en attente les prochains messages de ce donateur (B)</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Rembourser…</translation>
    </message>
    <message>
        <source>Refund the donation; a reason is required</source>
        <translation>Rembourser le don&#xa0;; un motif est obligatoire</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n sélectionné</numerusform>
            <numerusform>%n sélectionnés</numerusform>
        </translation>
    </message>
    <message>
        <source>Select donations</source>
        <translation>Sélectionnez des dons</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message numerus="yes">
        <source>%n new donation(s), the latest %1</source>
        <translation>
            <numerusform>%n nouveau don, le dernier : %1</numerusform>
            <numerusform>%n nouveaux dons, le dernier : %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BroadcastController</name>
    <message>
        <source>Donations are waiting to be saved: %1</source>
        <translation>Des dons attendent d&apos;être enregistrés&#xa0;: %1</translation>
    </message>
    <message>
        <source>The audience stopped: %1</source>
        <translation>Le public simulé s&apos;est arrêté&#xa0;: %1</translation>
    </message>
    <message>
        <source>The audience restarted (%1). Every donation shown is saved.</source>
        <translation>Le public a redémarré (%1). Chaque don affiché est enregistré.</translation>
    </message>
</context>
<context>
    <name>BroadcastPage</name>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation>Incrustations</translation>
    </message>
    <message>
        <source>OBS overlays: links, style, test alerts (Ctrl+Shift+O)</source>
        <translation>Incrustations OBS : liens, style, alertes de test (Ctrl+Maj+O)</translation>
    </message>
    <message>
        <source>Go live</source>
        <translation>Passer en direct</translation>
    </message>
    <message>
        <source>Go live (Ctrl+L)</source>
        <translation>Passer en direct (Ctrl+L)</translation>
    </message>
    <message>
        <source>End broadcast</source>
        <translation>Terminer la diffusion</translation>
    </message>
    <message>
        <source>End broadcast (Ctrl+E)</source>
        <translation>Terminer la diffusion (Ctrl+E)</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>EN DIRECT</translation>
    </message>
    <message>
        <source>OFF AIR</source>
        <translation>HORS ANTENNE</translation>
    </message>
    <message>
        <source>Broadcast preview</source>
        <translation>Aperçu de la diffusion</translation>
    </message>
    <message>
        <source> /s</source>
        <translation>&#xa0;/s</translation>
    </message>
    <message>
        <source>Pause audience</source>
        <translation>Suspendre le public</translation>
    </message>
    <message>
        <source>Pause or resume the audience (Ctrl+P)</source>
        <translation>Suspendre ou reprendre le public (Ctrl+P)</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>%1 watching</source>
        <translation>%1 spectateurs</translation>
    </message>
    <message>
        <source>Ready when you are: press Go live</source>
        <translation>Tout est prêt&#xa0;: appuyez sur «&#xa0;Passer en direct&#xa0;»</translation>
    </message>
    <message>
        <source>This broadcast has ended</source>
        <translation>Cette diffusion est terminée</translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation>BROUILLON</translation>
    </message>
    <message>
        <source>ENDED</source>
        <translation>TERMINÉ</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>ANNULÉ</translation>
    </message>
    <message>
        <source>Loading the campaign…</source>
        <translation>Chargement de la campagne…</translation>
    </message>
    <message>
        <source>Resume audience</source>
        <translation>Reprendre le public</translation>
    </message>
    <message>
        <source>End the broadcast?</source>
        <translation>Terminer la diffusion ?</translation>
    </message>
    <message>
        <source>Keep it live</source>
        <translation>Rester en direct</translation>
    </message>
    <message>
        <source>The audience stops and the broadcast ends. This cannot be undone.</source>
        <translation>Le public s&apos;arrête et la diffusion se termine. C&apos;est définitif.</translation>
    </message>
</context>
<context>
    <name>CampaignDelegate</name>
    <message>
        <source>LIVE</source>
        <translation>EN DIRECT</translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation>BROUILLON</translation>
    </message>
    <message>
        <source>ENDED</source>
        <translation>TERMINÉ</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>ANNULÉ</translation>
    </message>
</context>
<context>
    <name>CampaignListModel</name>
    <message>
        <source>Ended %1</source>
        <translation>Terminée le %1</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Commencée le %1</translation>
    </message>
    <message>
        <source>Starts %1</source>
        <translation>Commence le %1</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Créée le %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n ticket(s) sold</source>
        <translation>
            <numerusform>%1 · %n billet vendu</numerusform>
            <numerusform>%1 · %n billets vendus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignSetupPage</name>
    <message>
        <source>Fundraiser</source>
        <translation>Collecte de fonds</translation>
    </message>
    <message>
        <source>Paid live event</source>
        <translation>Événement en direct payant</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>e.g. 24-hour charity stream</source>
        <translation>ex.&#xa0;: diffusion caritative de 24&#xa0;h</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Search nonprofits</source>
        <translation>Rechercher des organisations à but non lucratif</translation>
    </message>
    <message>
        <source>Search by name, country or cause</source>
        <translation>Rechercher par nom, pays ou cause</translation>
    </message>
    <message>
        <source>Nonprofit organizations</source>
        <translation>Organisations à but non lucratif</translation>
    </message>
    <message>
        <source>CHOSEN NONPROFIT</source>
        <translation>ORGANISATION CHOISIE</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Minimum donation</source>
        <translation>Don minimum</translation>
    </message>
    <message>
        <source>Show donor names on air</source>
        <translation>Afficher le nom des donateurs à l&apos;antenne</translation>
    </message>
    <message>
        <source>Show amounts on air</source>
        <translation>Afficher les montants à l&apos;antenne</translation>
    </message>
    <message>
        <source>Accept anonymous donations</source>
        <translation>Accepter les dons anonymes</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Spectacle</translation>
    </message>
    <message>
        <source>Cooking class</source>
        <translation>Cours de cuisine</translation>
    </message>
    <message>
        <source>Professional conference</source>
        <translation>Conférence professionnelle</translation>
    </message>
    <message>
        <source>Fitness</source>
        <translation>Remise en forme</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Causerie</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Ticket price</source>
        <translation>Prix du billet</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>Durée en minutes</translation>
    </message>
    <message>
        <source> min</source>
        <translation>&#xa0;min</translation>
    </message>
    <message>
        <source>Online only (no venue, the broadcast is the event)</source>
        <translation>Uniquement en ligne (pas de lieu, la diffusion est l&apos;événement)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>What ticket holders will see and learn</source>
        <translation>Ce que les détenteurs de billets verront et apprendront</translation>
    </message>
    <message>
        <source>Also raise money for a nonprofit</source>
        <translation>Collecter aussi des fonds pour une organisation à but non lucratif</translation>
    </message>
    <message>
        <source>Refund policy</source>
        <translation>Conditions de remboursement</translation>
    </message>
    <message>
        <source>Set-up error</source>
        <translation>Erreur de configuration</translation>
    </message>
    <message>
        <source>Create campaign</source>
        <translation>Créer la campagne</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Back to campaigns</source>
        <translation>Retour aux campagnes</translation>
    </message>
    <message>
        <source>NEW CAMPAIGN</source>
        <translation>NOUVELLE CAMPAGNE</translation>
    </message>
    <message>
        <source>Set up your live campaign</source>
        <translation>Configurez votre campagne en direct</translation>
    </message>
    <message>
        <source>Nonprofit organization</source>
        <translation>Organisation à but non lucratif</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>À l&apos;antenne</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>None chosen yet</source>
        <translation>Aucune choisie pour l&apos;instant</translation>
    </message>
    <message>
        <source>Pick the nonprofit in the list</source>
        <translation>Choisissez l&apos;organisation dans la liste</translation>
    </message>
</context>
<context>
    <name>CancelEventDialog</name>
    <message>
        <source>Cancel the event</source>
        <translation>Annuler l&apos;événement</translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation>Motif de l&apos;annulation</translation>
    </message>
    <message>
        <source>e.g. the performer is ill</source>
        <translation>ex.&#xa0;: l&apos;artiste est malade</translation>
    </message>
    <message>
        <source>Cancel event and refund all</source>
        <translation>Annuler et tout rembourser</translation>
    </message>
    <message>
        <source>Cancel the event?</source>
        <translation>Annuler l&apos;événement&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Every ticket is refunded (%n ticket(s), %2) and the event ends. This cannot be undone.</source>
        <translation>
            <numerusform>Chaque billet est remboursé (%n billet, %2) et l&apos;événement se termine. Cette action est irréversible.</numerusform>
            <numerusform>Chaque billet est remboursé (%n billets, %2) et l&apos;événement se termine. Cette action est irréversible.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Causes</name>
    <message>
        <source>animals</source>
        <translation>animaux</translation>
    </message>
    <message>
        <source>children</source>
        <translation>enfance</translation>
    </message>
    <message>
        <source>culture</source>
        <translation>culture</translation>
    </message>
    <message>
        <source>education</source>
        <translation>éducation</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>environnement</translation>
    </message>
    <message>
        <source>health</source>
        <translation>santé</translation>
    </message>
    <message>
        <source>human rights</source>
        <translation>droits humains</translation>
    </message>
    <message>
        <source>poverty</source>
        <translation>pauvreté</translation>
    </message>
    <message>
        <source>relief</source>
        <translation>aide humanitaire</translation>
    </message>
    <message>
        <source>research</source>
        <translation>recherche</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>%1 approved this message</source>
        <translation>%1 a approuvé ce message</translation>
    </message>
    <message>
        <source>%1 hid this message</source>
        <translation>%1 a masqué ce message</translation>
    </message>
    <message>
        <source>%1 refunded this donation</source>
        <translation>%1 a remboursé ce don</translation>
    </message>
    <message>
        <source>%1 named this donor as Anonymous</source>
        <translation>%1 a rendu ce donateur anonyme</translation>
    </message>
    <message>
        <source>%1 showed this donor&apos;s name again</source>
        <translation>%1 a de nouveau affiché le nom de ce donateur</translation>
    </message>
    <message>
        <source>%1 hid this amount</source>
        <translation>%1 a masqué ce montant</translation>
    </message>
    <message>
        <source>%1 showed this amount again</source>
        <translation>%1 a de nouveau affiché ce montant</translation>
    </message>
    <message>
        <source>this donation was changed on another seat</source>
        <translation>ce don a été modifié depuis un autre poste</translation>
    </message>
    <message>
        <source>%1 approved the message of donation %2</source>
        <translation>%1 a approuvé le message du don %2</translation>
    </message>
    <message>
        <source>%1 hid the message of donation %2</source>
        <translation>%1 a masqué le message du don %2</translation>
    </message>
    <message>
        <source>%1 refunded donation %2</source>
        <translation>%1 a remboursé le don %2</translation>
    </message>
    <message>
        <source>%1 named the donor of donation %2 as Anonymous</source>
        <translation>%1 a rendu anonyme le donateur du don %2</translation>
    </message>
    <message>
        <source>%1 showed the name of donation %2 again</source>
        <translation>%1 a de nouveau affiché le nom du don %2</translation>
    </message>
    <message>
        <source>%1 hid the amount of donation %2</source>
        <translation>%1 a masqué le montant du don %2</translation>
    </message>
    <message>
        <source>%1 showed the amount of donation %2 again</source>
        <translation>%1 a de nouveau affiché le montant du don %2</translation>
    </message>
    <message>
        <source>donation %2 was changed on another seat</source>
        <translation>le don %2 a été modifié depuis un autre poste</translation>
    </message>
    <message>
        <source>; </source>
        <translation> ; </translation>
    </message>
    <message>
        <source>%1; nothing was changed</source>
        <translation>%1 ; rien n&apos;a été modifié</translation>
    </message>
</context>
<context>
    <name>ConnectionsModel</name>
    <message>
        <source>connected since %1, last seen %2</source>
        <translation>connectée depuis %1, vue pour la dernière fois à %2</translation>
    </message>
    <message>
        <source>disconnected, last seen %1</source>
        <translation>déconnectée, vue pour la dernière fois à %1</translation>
    </message>
</context>
<context>
    <name>ConsoleHeader</name>
    <message>
        <source>Moderation</source>
        <translation>Modération</translation>
    </message>
    <message>
        <source>Campaign to moderate</source>
        <translation>Campagne à modérer</translation>
    </message>
    <message>
        <source>Change name</source>
        <translation>Changer de nom</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>RAISED</source>
        <translation>RÉCOLTÉ</translation>
    </message>
</context>
<context>
    <name>DisplayNameDialog</name>
    <message>
        <source>Your display name</source>
        <translation>Votre nom d&apos;affichage</translation>
    </message>
    <message>
        <source>Who is moderating?</source>
        <translation>Qui modère&#xa0;?</translation>
    </message>
    <message>
        <source>Your name is written on the audit log with every action.</source>
        <translation>Votre nom est inscrit dans le journal d&apos;audit à chaque action.</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom d&apos;affichage</translation>
    </message>
    <message>
        <source>e.g. Sam (mod)</source>
        <translation>ex.&#xa0;: Sam (modo)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Modérateur</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Créateur</translation>
    </message>
</context>
<context>
    <name>DonationsCard</name>
    <message>
        <source>Donations raised</source>
        <translation>Dons récoltés</translation>
    </message>
    <message>
        <source>ALSO RAISING FOR %1</source>
        <translation>COLLECTE AUSSI POUR %1</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Nonprofit</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Minimum donation</source>
        <translation>Don minimum</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>Donateur</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>Identifiant externe</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonyme</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Ticket price</source>
        <translation>Prix du billet</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Modérateur</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Donation</source>
        <translation>Don</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Tri</translation>
    </message>
    <message>
        <source>Export file</source>
        <translation>Fichier d&apos;export</translation>
    </message>
    <message>
        <source>Buyer name</source>
        <translation>Nom de l&apos;acheteur</translation>
    </message>
    <message>
        <source>Attendee name</source>
        <translation>Nom du participant</translation>
    </message>
    <message>
        <source>is empty; give the campaign a title</source>
        <translation>est vide ; donnez un titre à la campagne</translation>
    </message>
    <message>
        <source>is %1 characters long; at most %2</source>
        <translation>fait %1 caractères ; %2 au maximum</translation>
    </message>
    <message>
        <source>contains control characters</source>
        <translation>contient des caractères de contrôle</translation>
    </message>
    <message>
        <source>contains characters that are not valid text</source>
        <translation>contient des caractères qui ne sont pas du texte valide</translation>
    </message>
    <message>
        <source>is not chosen; pick a nonprofit from the catalog</source>
        <translation>n&apos;est pas choisie ; choisissez une organisation à but non lucratif dans le catalogue</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in the catalog (see `livegiving organizations list`)</source>
        <translation>« %1 » n&apos;est pas dans le catalogue (voir `livegiving organizations list`)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ISO 8601 time such as 2026-12-31T20:00+01:00</source>
        <translation>« %1 » n&apos;est pas une heure ISO 8601 comme 2026-12-31T20:00+01:00</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is outside the supported years</source>
        <translation>« %1 » est hors des années prises en charge</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of %2</source>
        <translation>« %1 » ne fait pas partie de : %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number above zero</source>
        <translation>« %1 » n&apos;est pas un nombre entier supérieur à zéro</translation>
    </message>
    <message>
        <source>must be between 1 minute and 24 hours</source>
        <translation>doit être comprise entre 1 minute et 24 heures</translation>
    </message>
    <message>
        <source>is longer than 2000 characters</source>
        <translation>dépasse 2000 caractères</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ISO 4217 currency code</source>
        <translation>« %1 » n&apos;est pas un code de devise ISO 4217</translation>
    </message>
    <message>
        <source>is empty; enter an amount such as 12.50</source>
        <translation>est vide ; saisissez un montant comme 12.50</translation>
    </message>
    <message>
        <source>is %1 characters long; no amount needs that many</source>
        <translation>fait %1 caractères ; aucun montant n&apos;en demande autant</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; use a dot as the decimal separator (12.50)</source>
        <translation>« %1 » n&apos;est pas un nombre ; utilisez un point comme séparateur décimal (12.50)</translation>
    </message>
    <message>
        <source>must be positive</source>
        <translation>doit être positif</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; write digits with an optional dot (12.50)</source>
        <translation>« %1 » n&apos;est pas un nombre ; écrivez des chiffres avec un point facultatif (12.50)</translation>
    </message>
    <message>
        <source>%1 has no decimals</source>
        <translation>%1 n&apos;a pas de décimales</translation>
    </message>
    <message>
        <source>%1 has at most %2 decimals</source>
        <translation>%1 a au plus %2 décimales</translation>
    </message>
    <message>
        <source>%1 has at most %2 decimal</source>
        <translation>%1 a au plus %2 décimale</translation>
    </message>
    <message>
        <source>must be more than zero</source>
        <translation>doit être supérieur à zéro</translation>
    </message>
    <message>
        <source>must be at most %1 %2</source>
        <translation>doit être au plus %1 %2</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>must be at most %1 characters</source>
        <translation>doit faire au plus %1 caractères</translation>
    </message>
    <message>
        <source>must not contain control characters</source>
        <translation>ne doit pas contenir de caractères de contrôle</translation>
    </message>
    <message>
        <source>a display name is required</source>
        <translation>un nom d&apos;affichage est obligatoire</translation>
    </message>
    <message>
        <source>must be 1 to %1 printable characters</source>
        <translation>doit faire de 1 à %1 caractères imprimables</translation>
    </message>
    <message>
        <source>is empty; give the donor&apos;s name</source>
        <translation>est vide ; indiquez le nom du donateur</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>est vide</translation>
    </message>
    <message>
        <source>is below the campaign&apos;s minimum donation of %1 %2</source>
        <translation>est inférieur au don minimum de la campagne, %1 %2</translation>
    </message>
    <message>
        <source>is above the campaign&apos;s maximum of %1 %2</source>
        <translation>dépasse le maximum de la campagne, %1 %2</translation>
    </message>
    <message>
        <source>this campaign does not accept anonymous donations</source>
        <translation>cette campagne n&apos;accepte pas les dons anonymes</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>the database is locked by another program</source>
        <translation>la base de données est verrouillée par un autre programme</translation>
    </message>
    <message>
        <source>the database file cannot be written (it is read-only)</source>
        <translation>impossible d&apos;écrire dans le fichier de la base de données (il est en lecture seule)</translation>
    </message>
    <message>
        <source>the database file cannot be written (permission denied)</source>
        <translation>impossible d&apos;écrire dans le fichier de la base de données (autorisation refusée)</translation>
    </message>
    <message>
        <source>the disk could not be read or written (input/output error)</source>
        <translation>impossible de lire ou d&apos;écrire sur le disque (erreur d&apos;entrée/sortie)</translation>
    </message>
    <message>
        <source>the database file is damaged</source>
        <translation>le fichier de la base de données est endommagé</translation>
    </message>
    <message>
        <source>the database file cannot be opened</source>
        <translation>impossible d&apos;ouvrir le fichier de la base de données</translation>
    </message>
    <message>
        <source>the disk quota is exceeded</source>
        <translation>le quota de disque est dépassé</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>le disque est en lecture seule</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>autorisation refusée</translation>
    </message>
    <message>
        <source>the database server&apos;s disk is full</source>
        <translation>le disque du serveur de base de données est plein</translation>
    </message>
    <message>
        <source>the database server cannot be reached</source>
        <translation>le serveur de base de données est injoignable</translation>
    </message>
    <message>
        <source>is empty; enter an amount such as %1</source>
        <translation>est vide ; saisissez un montant comme %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an amount; write it like %2 or %3</source>
        <translation>« %1 » n&apos;est pas un montant ; écrivez-le comme %2 ou %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an amount; write it like %2</source>
        <translation>« %1 » n&apos;est pas un montant ; écrivez-le comme %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; could be %2 or %3; write one of them</source>
        <translation>« %1 » peut se lire %2 ou %3 ; écrivez l&apos;un des deux</translation>
    </message>
    <message>
        <source>must be above the amount raised so far</source>
        <translation>doit dépasser le montant déjà récolté</translation>
    </message>
    <message>
        <source>is already the goal</source>
        <translation>est déjà l&apos;objectif</translation>
    </message>
    <message>
        <source>too late to undo: the donors stay thanked</source>
        <translation>trop tard pour annuler : les donateurs restent remerciés</translation>
    </message>
    <message>
        <source>the campaign is live; end the broadcast before archiving it</source>
        <translation>la campagne est en direct ; terminez la diffusion avant de l&apos;archiver</translation>
    </message>
    <message>
        <source>the campaign has ended; it takes no more donations</source>
        <translation>la campagne est terminée ; elle ne reçoit plus de dons</translation>
    </message>
    <message>
        <source>the campaign has ended; its goal can no longer change</source>
        <translation>la campagne est terminée ; son objectif ne peut plus changer</translation>
    </message>
    <message>
        <source>the campaign has ended; rehearse on a draft or live campaign</source>
        <translation>la campagne est terminée ; répétez sur une campagne en brouillon ou en direct</translation>
    </message>
    <message>
        <source>the campaign takes no more donations</source>
        <translation>la campagne ne reçoit plus de dons</translation>
    </message>
    <message>
        <source>the event has already ended</source>
        <translation>l&apos;événement est déjà terminé</translation>
    </message>
    <message>
        <source>the event has ended; it sells no more tickets</source>
        <translation>l&apos;événement est terminé ; il ne vend plus de billets</translation>
    </message>
    <message>
        <source>the event has ended; it takes no more donations</source>
        <translation>l&apos;événement est terminé ; il ne reçoit plus de dons</translation>
    </message>
    <message>
        <source>the event is already cancelled</source>
        <translation>l&apos;événement est déjà annulé</translation>
    </message>
    <message>
        <source>the event is sold out: every seat has a ticket</source>
        <translation>l&apos;événement est complet : chaque place a son billet</translation>
    </message>
    <message>
        <source>the event was cancelled; it sells no more tickets</source>
        <translation>l&apos;événement a été annulé ; il ne vend plus de billets</translation>
    </message>
    <message>
        <source>the event was cancelled; it takes no more donations</source>
        <translation>l&apos;événement a été annulé ; il ne reçoit plus de dons</translation>
    </message>
    <message>
        <source>the event was cancelled; its goal can no longer change</source>
        <translation>l&apos;événement a été annulé ; son objectif ne peut plus changer</translation>
    </message>
    <message>
        <source>this event raises no money: it has no goal</source>
        <translation>cet événement ne collecte pas de dons : il n&apos;a pas d&apos;objectif</translation>
    </message>
    <message>
        <source>a moderator approves or hides; holding is the rules&apos; decision</source>
        <translation>un modérateur approuve ou masque ; la mise en attente relève des règles</translation>
    </message>
    <message>
        <source>donation %1 is already refunded; nothing was refunded</source>
        <translation>le don %1 est déjà remboursé ; rien n&apos;a été remboursé</translation>
    </message>
    <message>
        <source>donation %1 is already refunded</source>
        <translation>le don %1 est déjà remboursé</translation>
    </message>
    <message>
        <source>ticket %1 is already refunded</source>
        <translation>le billet %1 est déjà remboursé</translation>
    </message>
    <message>
        <source>the database took too long to answer; the statement was stopped</source>
        <translation>la base de données a mis trop de temps à répondre ; la requête a été arrêtée</translation>
    </message>
    <message>
        <source>another seat was changing the same records; try again</source>
        <translation>un autre poste modifiait les mêmes enregistrements ; réessayez</translation>
    </message>
    <message>
        <source>the records are locked by another seat; try again</source>
        <translation>les enregistrements sont verrouillés par un autre poste ; réessayez</translation>
    </message>
    <message>
        <source>the database server has too many connections</source>
        <translation>le serveur de base de données a trop de connexions</translation>
    </message>
    <message>
        <source>the database server refused the login</source>
        <translation>le serveur de base de données a refusé l&apos;identifiant</translation>
    </message>
    <message>
        <source>the database does not exist on the server</source>
        <translation>la base de données n&apos;existe pas sur le serveur</translation>
    </message>
    <message>
        <source>the database server is shutting down or restarting</source>
        <translation>le serveur de base de données s&apos;arrête ou redémarre</translation>
    </message>
    <message>
        <source>the database server is starting up; try again in a moment</source>
        <translation>le serveur de base de données démarre ; réessayez dans un instant</translation>
    </message>
    <message>
        <source>your database login is not allowed to do this</source>
        <translation>votre identifiant de base de données n&apos;a pas le droit de faire cela</translation>
    </message>
    <message>
        <source>the database is read-only</source>
        <translation>la base de données est en lecture seule</translation>
    </message>
    <message>
        <source>the database server does not answer</source>
        <translation>le serveur de base de données ne répond pas</translation>
    </message>
    <message>
        <source>the database reported an error (the details are in the log)</source>
        <translation>la base de données a signalé une erreur (les détails sont dans le journal)</translation>
    </message>
    <message>
        <source>the database is busy: no connection was free in time</source>
        <translation>la base de données est occupée : aucune connexion ne s&apos;est libérée à temps</translation>
    </message>
    <message>
        <source>the audience&apos;s process was stopped by signal %1</source>
        <translation>le processus du public a été arrêté par le signal %1</translation>
    </message>
    <message>
        <source>the audience&apos;s process ended with status %1</source>
        <translation>le processus du public s’est terminé avec le code %1</translation>
    </message>
    <message>
        <source>the audience&apos;s process stopped answering</source>
        <translation>le processus du public ne répond plus</translation>
    </message>
    <message>
        <source>the audience&apos;s process stopped before saying what it saved</source>
        <translation>le processus du public s’est arrêté sans dire ce qu’il avait enregistré</translation>
    </message>
    <message>
        <source>port %1 is already in use</source>
        <translation>le port %1 est déjà utilisé</translation>
    </message>
    <message>
        <source>port %1 cannot be used (%2)</source>
        <translation>le port %1 ne peut pas être utilisé (%2)</translation>
    </message>
    <message>
        <source>the overlay server did not start in time</source>
        <translation>le serveur d&apos;incrustations n&apos;a pas démarré à temps</translation>
    </message>
    <message>
        <source>the overlay server cannot start: %1</source>
        <translation>le serveur d&apos;incrustations ne peut pas démarrer : %1</translation>
    </message>
    <message>
        <source>is the ledger&apos;s own database file; choose another name</source>
        <translation>est le fichier de la base de données du registre ; choisissez un autre nom</translation>
    </message>
    <message>
        <source>is not a regular file; choose a file name</source>
        <translation>n&apos;est pas un fichier ordinaire ; choisissez un nom de fichier</translation>
    </message>
    <message>
        <source>is a folder; choose a file name</source>
        <translation>est un dossier ; choisissez un nom de fichier</translation>
    </message>
    <message>
        <source>its folder does not exist</source>
        <translation>son dossier n&apos;existe pas</translation>
    </message>
    <message>
        <source>has no visible character</source>
        <translation>n&apos;a aucun caractère visible</translation>
    </message>
    <message>
        <source>must stay on one line</source>
        <translation>doit tenir sur une seule ligne</translation>
    </message>
    <message>
        <source>this event raises no money: it takes no donations</source>
        <translation>cet événement ne collecte pas d&apos;argent : il ne reçoit pas de dons</translation>
    </message>
    <message>
        <source>ticket %1 is refunded; it has no code to reissue</source>
        <translation>le billet %1 est remboursé ; il n&apos;a pas de code à renouveler</translation>
    </message>
    <message>
        <source>another program is using the ledger; close it and try again</source>
        <translation>un autre programme utilise le registre ; fermez-le et réessayez</translation>
    </message>
    <message>
        <source>database: %1 is damaged (%2). The file was not changed. See what is wrong with `livegiving --db %3 db check`, save what can be read into a new file with `livegiving --db %4 db recover --out NEW.db`, then open NEW.db (or restore a backup).</source>
        <translation>base de données : %1 est endommagée (%2). Le fichier n&apos;a pas été modifié. Voyez ce qui ne va pas avec `livegiving --db %3 db check`, enregistrez ce qui peut être lu dans un nouveau fichier avec `livegiving --db %4 db recover --out NOUVEAU.db`, puis ouvrez NOUVEAU.db (ou restaurez une sauvegarde).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>EventCategory</name>
    <message>
        <source>Performance</source>
        <translation>Spectacle</translation>
    </message>
    <message>
        <source>Cooking class</source>
        <translation>Cours de cuisine</translation>
    </message>
    <message>
        <source>Professional conference</source>
        <translation>Conférence professionnelle</translation>
    </message>
    <message>
        <source>Fitness</source>
        <translation>Remise en forme</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Causerie</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>EventPage</name>
    <message>
        <source>Open the doors and go live (Ctrl+L)</source>
        <translation>Ouvrir les portes et passer en direct (Ctrl+L)</translation>
    </message>
    <message>
        <source>Cancel event</source>
        <translation>Annuler l&apos;événement</translation>
    </message>
    <message>
        <source>Cancel the event and refund every ticket</source>
        <translation>Annuler l&apos;événement et rembourser tous les billets</translation>
    </message>
    <message>
        <source>Simulated audience: people per second</source>
        <translation>Public simulé&#xa0;: personnes par seconde</translation>
    </message>
    <message>
        <source>Simulated audience: people buying or joining per second</source>
        <translation>Public simulé&#xa0;: achats ou entrées par seconde</translation>
    </message>
    <message>
        <source>Access code to check</source>
        <translation>Code d&apos;accès à vérifier</translation>
    </message>
    <message>
        <source>Access code, e.g. ABCDE-FGHJK-…</source>
        <translation>Code d&apos;accès, ex.&#xa0;: ABCDE-FGHJK-…</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Valider l&apos;entrée</translation>
    </message>
    <message>
        <source>Admit whoever has this code</source>
        <translation>Faire entrer la personne qui a ce code</translation>
    </message>
    <message>
        <source>Ticket sales, newest first</source>
        <translation>Ventes de billets, les plus récentes en premier</translation>
    </message>
    <message>
        <source>Refund ticket</source>
        <translation>Rembourser le billet</translation>
    </message>
    <message>
        <source>Refund the selected ticket</source>
        <translation>Rembourser le billet sélectionné</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Nouveau code</translation>
    </message>
    <message>
        <source>Give the selected ticket a new access code; the one its buyer has stops working</source>
        <translation>Donner un nouveau code d’accès au billet sélectionné ; celui de l’acheteur ne fonctionnera plus</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Export the tickets (CSV or JSON)</source>
        <translation>Exporter les billets (CSV ou JSON)</translation>
    </message>
    <message>
        <source>Admission log: admitted and refused, newest first</source>
        <translation>Journal des entrées&#xa0;: admises et refusées, les plus récentes en premier</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Ticket sales</source>
        <translation>Ventes de billets</translation>
    </message>
    <message>
        <source>At the door</source>
        <translation>À l&apos;entrée</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1&#xa0;min</translation>
    </message>
    <message>
        <source>Online only</source>
        <translation>Uniquement en ligne</translation>
    </message>
    <message>
        <source>Online and in person</source>
        <translation>En ligne et sur place</translation>
    </message>
    <message>
        <source>Ticket price %1</source>
        <translation>Prix du billet&#xa0;: %1</translation>
    </message>
    <message>
        <source>Welcome, %1!</source>
        <translation>Bienvenue, %1&#xa0;!</translation>
    </message>
    <message>
        <source>%1 of %2 seats sold</source>
        <translation>%1 sur %2 places vendues</translation>
    </message>
    <message>
        <source>%1 sold</source>
        <translation>Vendus&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) sold</source>
        <translation>
            <numerusform>%n billet vendu</numerusform>
            <numerusform>%n billets vendus</numerusform>
        </translation>
    </message>
    <message>
        <source>Admitted: %1</source>
        <translation>Entrée acceptée : %1</translation>
    </message>
    <message>
        <source>tickets-%1</source>
        <translation>billets-%1</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) exported to %2</source>
        <translation>
            <numerusform>%n billet exporté vers %2</numerusform>
            <numerusform>%n billets exportés vers %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Doors closed: press Go live to let ticket holders in</source>
        <translation>Portes fermées&#xa0;: appuyez sur «&#xa0;Passer en direct&#xa0;» pour faire entrer les détenteurs de billets</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) sold for %1, %2 admitted. The doors close and the event ends.</source>
        <translation>
            <numerusform>%n billet vendu pour %1, %2 entrées. Les portes ferment et l&apos;événement se termine.</numerusform>
            <numerusform>%n billets vendus pour %1, %2 entrées. Les portes ferment et l&apos;événement se termine.</numerusform>
        </translation>
    </message>
    <message>
        <source>This event has ended</source>
        <translation>Cet événement est terminé</translation>
    </message>
    <message>
        <source>Ticket revenue</source>
        <translation>Recettes de la billetterie</translation>
    </message>
    <message>
        <source>Donations raised</source>
        <translation>Dons récoltés</translation>
    </message>
    <message>
        <source>%1 admitted · %2 refused</source>
        <translation>Admises&#xa0;: %1 · refusées&#xa0;: %2</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Entrée refusée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Ticket %1 of %2, %3.</source>
        <translation>Billet %1 de %2, %3.</translation>
    </message>
    <message>
        <source>The refund window has closed. %1</source>
        <translation>Le délai de remboursement est dépassé. %1</translation>
    </message>
    <message>
        <source>ticket %1 of %2</source>
        <translation>le billet %1 de %2</translation>
    </message>
    <message>
        <source>New access code</source>
        <translation>Nouveau code d’accès</translation>
    </message>
    <message>
        <source>Give %1 a new access code? The code they have now stops working at the door.</source>
        <translation>Donner un nouveau code d’accès pour %1 ? Le code actuel ne fonctionnera plus à l’entrée.</translation>
    </message>
    <message>
        <source>Give a new code</source>
        <translation>Donner un nouveau code</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The new access code of %1 is %2. The old one no longer opens the door.</source>
        <translation>Le nouveau code d’accès pour %1 est %2. L’ancien n’ouvre plus la porte.</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>Copier le code</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Export tickets</source>
        <translation>Exporter les billets</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>Feuille de calcul CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>Feed</name>
    <message>
        <source>Anonymous</source>
        <translation>Anonyme</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>Message held for review</source>
        <translation>Message mis en attente</translation>
    </message>
    <message>
        <source>Message hidden by a moderator</source>
        <translation>Message masqué par un modérateur</translation>
    </message>
    <message>
        <source>after the broadcast</source>
        <translation>après la diffusion</translation>
    </message>
    <message>
        <source>Thanked on air</source>
        <translation>Remercié à l&apos;antenne</translation>
    </message>
    <message>
        <source>Not thanked yet</source>
        <translation>Pas encore remercié</translation>
    </message>
</context>
<context>
    <name>FieldButtons</name>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter by donor or message</source>
        <translation>Filtrer par donateur ou message</translation>
    </message>
    <message>
        <source>Filter by donor or message…</source>
        <translation>Filtrer par donateur ou message…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>All donations</source>
        <translation>Tous les dons</translation>
    </message>
    <message>
        <source>Held messages</source>
        <translation>Messages en attente</translation>
    </message>
    <message>
        <source>Hidden messages</source>
        <translation>Messages masqués</translation>
    </message>
    <message>
        <source>Messages on air</source>
        <translation>Messages à l&apos;antenne</translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation>Dons signalés</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursés</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Aboutis</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>Donateur</translation>
    </message>
    <message>
        <source>Smallest amount</source>
        <translation>Montant minimum</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Largest amount</source>
        <translation>Montant maximum</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 h %2 min %3 s</source>
        <translation>%1 h %2 min %3 s</translation>
    </message>
</context>
<context>
    <name>FundraiserPage</name>
    <message>
        <source>Open the moderation console (Ctrl+M)</source>
        <translation>Ouvrir la console de modération (Ctrl+M)</translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation>Modération</translation>
    </message>
    <message>
        <source>Simulated donations per second</source>
        <translation>Dons simulés par seconde</translation>
    </message>
    <message>
        <source>Simulated audience: donations per second (0 = paused)</source>
        <translation>Public simulé&#xa0;: dons par seconde (0 = en pause)</translation>
    </message>
    <message>
        <source>Offline donation</source>
        <translation>Don hors ligne</translation>
    </message>
    <message>
        <source>Add an offline donation (Ctrl+D)</source>
        <translation>Ajouter un don hors ligne (Ctrl+D)</translation>
    </message>
    <message>
        <source>Thank donor</source>
        <translation>Remercier</translation>
    </message>
    <message>
        <source>Thank the selected donor on air (Ctrl+T)</source>
        <translation>Remercier le donateur sélectionné à l&apos;antenne (Ctrl+T)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>The broadcast&apos;s summary</source>
        <translation>Le bilan de la diffusion</translation>
    </message>
    <message>
        <source>Stretch goal</source>
        <translation>Objectif supplémentaire</translation>
    </message>
    <message>
        <source>Raise the goal while live</source>
        <translation>Relever l&apos;objectif pendant le direct</translation>
    </message>
    <message>
        <source>Stretch goal: raise the goal while live</source>
        <translation>Objectif supplémentaire : relever l&apos;objectif pendant le direct</translation>
    </message>
    <message>
        <source>Restart the demo</source>
        <translation>Relancer la démo</translation>
    </message>
    <message>
        <source>A fresh demo; this one is archived</source>
        <translation>Une nouvelle démo ; celle-ci est archivée</translation>
    </message>
    <message>
        <source>Live donations, newest first</source>
        <translation>Dons en direct, les plus récents en premier</translation>
    </message>
    <message>
        <source>No donations yet. Go live and the first gifts appear here.</source>
        <translation>Aucun don pour l&apos;instant. Passez en direct et les premiers dons apparaîtront ici.</translation>
    </message>
    <message>
        <source>Live donations</source>
        <translation>Dons en direct</translation>
    </message>
    <message>
        <source>%1 raised of %2</source>
        <translation>%1 récoltés sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%n donation(s)</source>
        <translation>
            <numerusform>%n don</numerusform>
            <numerusform>%n dons</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 donated %2</source>
        <translation>%1 a fait un don de %2</translation>
    </message>
    <message>
        <source>%1 donated</source>
        <translation>%1 a fait un don</translation>
    </message>
    <message numerus="yes">
        <source>Thank you for your %n donation(s)!</source>
        <translation>
            <numerusform>Merci pour votre don !</numerusform>
            <numerusform>Merci pour vos %n dons !</numerusform>
        </translation>
    </message>
    <message>
        <source>Thank you, %1!</source>
        <translation>Merci, %1&#xa0;!</translation>
    </message>
    <message>
        <source>Thank you to our %1 donors!</source>
        <translation>Merci à nos %1 donateurs&#xa0;!</translation>
    </message>
    <message numerus="yes">
        <source>%1 raised so far from %n donation(s). The audience stops and the broadcast ends; donations given offline can still be added.</source>
        <translation>
            <numerusform>%1 récoltés jusqu&apos;ici grâce à %n don. Le public s&apos;arrête et la diffusion se termine ; les dons reçus hors ligne pourront encore être ajoutés.</numerusform>
            <numerusform>%1 récoltés jusqu&apos;ici grâce à %n dons. Le public s&apos;arrête et la diffusion se termine ; les dons reçus hors ligne pourront encore être ajoutés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Total raised</source>
        <translation>Total récolté</translation>
    </message>
    <message>
        <source>Donors</source>
        <translation>Donateurs</translation>
    </message>
    <message>
        <source>Donations</source>
        <translation>Dons</translation>
    </message>
    <message>
        <source>Average donation</source>
        <translation>Don moyen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>After the broadcast</source>
        <translation>Après la diffusion</translation>
    </message>
    <message numerus="yes">
        <source>%1 from %n offline donation(s)</source>
        <translation>
            <numerusform>%1 pour %n don hors ligne</numerusform>
            <numerusform>%1 pour %n dons hors ligne</numerusform>
        </translation>
    </message>
    <message>
        <source>Export donations</source>
        <translation>Exporter les dons</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>Feuille de calcul CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>donations-%1</source>
        <translation>dons-%1</translation>
    </message>
    <message>
        <source>Exporting donations…</source>
        <translation>Exportation des dons…</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>%1 donations exported to %2</source>
        <translation>%1 dons exportés vers %2</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>Change the goal</source>
        <translation>Modifier l&apos;objectif</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nouvel objectif</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Set goal</source>
        <translation>Fixer l&apos;objectif</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>New goal (%1)</source>
        <translation>Nouvel objectif (%1)</translation>
    </message>
    <message>
        <source>Stretch goal</source>
        <translation>Objectif supplémentaire</translation>
    </message>
    <message>
        <source>Raised so far: %1. While live, the goal can only go up.</source>
        <translation>Récolté jusqu&apos;ici : %1. Pendant le direct, l&apos;objectif ne peut que monter.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>New campaign</source>
        <translation>Nouvelle campagne</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open the selected campaign</source>
        <translation>Ouvrir la campagne sélectionnée</translation>
    </message>
    <message>
        <source>Raise money live for a cause you love</source>
        <translation>Collectez des fonds en direct pour une cause qui vous est chère</translation>
    </message>
    <message>
        <source>Create your first fundraiser: pick a nonprofit, set a goal, then go live and thank your donors on air.</source>
        <translation>Créez votre premier collecteur de fonds&#xa0;: choisissez une organisation à but non lucratif, fixez un objectif, puis passez en direct et remerciez vos donateurs à l&apos;antenne.</translation>
    </message>
    <message>
        <source>Create a fundraiser</source>
        <translation>Créer un collecteur de fonds</translation>
    </message>
    <message>
        <source>LIVEGIVING</source>
        <translation>LIVEGIVING</translation>
    </message>
    <message>
        <source>Your campaigns</source>
        <translation>Vos campagnes</translation>
    </message>
    <message>
        <source>Search campaigns</source>
        <translation>Rechercher des campagnes</translation>
    </message>
    <message>
        <source>Search by title or nonprofit</source>
        <translation>Rechercher par titre ou organisation</translation>
    </message>
    <message>
        <source>Sort campaigns</source>
        <translation>Trier les campagnes</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Plus récentes d&apos;abord</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Most raised</source>
        <translation>Montant récolté</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Trier par</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Afficher les archives</translation>
    </message>
    <message>
        <source>Show archived campaigns</source>
        <translation>Afficher les campagnes archivées</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Archive the selected campaign</source>
        <translation>Archiver la campagne sélectionnée</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Duplicate the selected campaign</source>
        <translation>Dupliquer la campagne sélectionnée</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Désarchiver</translation>
    </message>
    <message>
        <source>Unarchive the selected campaign</source>
        <translation>Désarchiver la campagne sélectionnée</translation>
    </message>
</context>
<context>
    <name>LiveSession</name>
    <message>
        <source>%1. The donations not shown in the feed were not saved.</source>
        <translation>%1. Les dons absents du fil n&apos;ont pas été enregistrés.</translation>
    </message>
    <message>
        <source>%1. They are kept and saved as soon as it works again.</source>
        <translation>%1. Ils sont conservés et seront enregistrés dès que possible.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Saving status</source>
        <translation>État de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>Every donation shown is saved</source>
        <translation>Chaque don affiché est enregistré</translation>
    </message>
    <message>
        <source>LiveGiving Desktop — %1 (%2)</source>
        <translation>LiveGiving Desktop — %1 (%2)</translation>
    </message>
    <message>
        <source>Signed in as %1 · %2</source>
        <translation>Connecté·e en tant que %1 · %2</translation>
    </message>
    <message>
        <source>The database could not be opened</source>
        <translation>Impossible d&apos;ouvrir la base de données</translation>
    </message>
    <message>
        <source>The OBS overlays are off: %1. Choose another port in Broadcast › Overlays.</source>
        <translation>Les incrustations OBS sont arrêtées : %1. Choisissez un autre port dans Diffusion › Incrustations.</translation>
    </message>
    <message>
        <source>The OBS overlays are starting…</source>
        <translation>Les incrustations OBS démarrent…</translation>
    </message>
    <message>
        <source>About LiveGiving Desktop</source>
        <translation>À propos de LiveGiving Desktop</translation>
    </message>
    <message>
        <source>Database: %1
Log: %2</source>
        <translation>Base de données&#xa0;: %1
Journal&#xa0;: %2</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard: paste them into your bug report.</source>
        <translation>Diagnostics copiés dans le presse-papiers&#xa0;: collez-les dans votre rapport de bug.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Une erreur s&apos;est produite</translation>
    </message>
    <message>
        <source>Donations are not being saved: %1</source>
        <translation>Les dons ne sont pas enregistrés&#xa0;: %1</translation>
    </message>
    <message>
        <source>The ledger cannot be reached: %1</source>
        <translation>Le registre est injoignable : %1</translation>
    </message>
    <message>
        <source>The ledger is reachable again: every change is shown.</source>
        <translation>Le registre est de nouveau joignable : toutes les modifications sont affichées.</translation>
    </message>
    <message>
        <source>Saving works again: no donation was lost.</source>
        <translation>L&apos;enregistrement fonctionne de nouveau&#xa0;: aucun don n&apos;a été perdu.</translation>
    </message>
    <message>
        <source>This cannot be done</source>
        <translation>Cette action est impossible</translation>
    </message>
    <message>
        <source>%1

The log could not be written.</source>
        <translation>%1

Le journal n&apos;a pas pu être écrit.</translation>
    </message>
    <message>
        <source>%1

The details are in the log: %2</source>
        <translation>%1

Les détails figurent dans le journal&#xa0;: %2</translation>
    </message>
    <message>
        <source>You are live</source>
        <translation>Vous êtes en direct</translation>
    </message>
    <message>
        <source>“%1” is on air. Quit and keep it live (it stays live for the other seats; open it again to carry on), or end it first?</source>
        <translation>« %1 » est à l&apos;antenne. Quitter en restant en direct (la diffusion continue pour les autres postes ; rouvrez-la pour reprendre), ou la terminer d&apos;abord ?</translation>
    </message>
    <message>
        <source>Quit, keep it live</source>
        <translation>Quitter, rester en direct</translation>
    </message>
    <message>
        <source>End it and quit</source>
        <translation>Terminer et quitter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Saving the last donations…</source>
        <translation>Enregistrement des derniers dons…</translation>
    </message>
    <message>
        <source>Donations are not being saved</source>
        <translation>Les dons ne sont pas enregistrés</translation>
    </message>
    <message>
        <source>Donations cannot be saved right now. Every donation shown in the feed is saved; the ones still waiting will be lost if you quit now.</source>
        <translation>Les dons ne peuvent pas être enregistrés pour le moment. Chaque don affiché dans le fil est enregistré&#xa0;; ceux encore en attente seront perdus si vous quittez maintenant.</translation>
    </message>
    <message>
        <source>Quit while donations are not being saved</source>
        <translation>Quitter alors que les dons ne sont pas enregistrés</translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation>Quitter quand même</translation>
    </message>
    <message>
        <source>Keep trying</source>
        <translation>Continuer d&apos;essayer</translation>
    </message>
</context>
<context>
    <name>Moderation</name>
    <message>
        <source>On air</source>
        <translation>À l&apos;antenne</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Masqué</translation>
    </message>
    <message>
        <source>Large amount</source>
        <translation>Montant élevé</translation>
    </message>
    <message>
        <source>Many in a short time</source>
        <translation>Nombreux dons rapprochés</translation>
    </message>
    <message>
        <source>Large first donation</source>
        <translation>Premier don élevé</translation>
    </message>
    <message>
        <source>Blocked donor</source>
        <translation>Donateur bloqué</translation>
    </message>
    <message>
        <source>Word “%1”</source>
        <translation>Mot « %1 »</translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>Lien %1</translation>
    </message>
    <message>
        <source>%1 characters, over %2</source>
        <translation>%1 caractères, plus de %2</translation>
    </message>
    <message>
        <source>%1 donations within %2 s</source>
        <translation>%1 dons en %2 s</translation>
    </message>
    <message>
        <source>Large amount (from %1)</source>
        <translation>Montant élevé (dès %1)</translation>
    </message>
    <message>
        <source>Large first donation (from %1)</source>
        <translation>Premier don élevé (dès %1)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>Donateur</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Signalements</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonyme</translation>
    </message>
    <message>
        <source>name hidden on air</source>
        <translation>nom masqué à l&apos;antenne</translation>
    </message>
    <message>
        <source>hidden on air</source>
        <translation>masqué à l&apos;antenne</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Effectué</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Donation</source>
        <translation>Don</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Avant → après</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Créateur</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Modérateur</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>rules edited</source>
        <translation>règles modifiées</translation>
    </message>
    <message>
        <source>Approved message</source>
        <translation>Message approuvé</translation>
    </message>
    <message>
        <source>Hid message</source>
        <translation>Message masqué</translation>
    </message>
    <message>
        <source>On-air privacy</source>
        <translation>Confidentialité à l&apos;antenne</translation>
    </message>
    <message>
        <source>Unblocked donor</source>
        <translation>Donateur débloqué</translation>
    </message>
    <message>
        <source>Edited rules</source>
        <translation>Règles modifiées</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <source>name hidden</source>
        <translation>nom masqué</translation>
    </message>
    <message>
        <source>amount hidden</source>
        <translation>montant masqué</translation>
    </message>
    <message>
        <source>shown</source>
        <translation>affichés</translation>
    </message>
    <message>
        <source>on air</source>
        <translation>à l&apos;antenne</translation>
    </message>
    <message>
        <source>held</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>masqué</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>effectué</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>remboursé</translation>
    </message>
    <message>
        <source>%1 · blocked by %2</source>
        <translation>%1 · bloqué par %2</translation>
    </message>
</context>
<context>
    <name>ModerationActions</name>
    <message numerus="yes">
        <source>%n message(s) approved: on air now.</source>
        <translation>
            <numerusform>%n message approuvé&#xa0;: il passe maintenant à l&apos;antenne.</numerusform>
            <numerusform>%n messages approuvés&#xa0;: ils passent maintenant à l&apos;antenne.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) hidden: kept off the air.</source>
        <translation>
            <numerusform>%n message masqué&#xa0;: il ne passera pas à l&apos;antenne.</numerusform>
            <numerusform>%n messages masqués&#xa0;: ils ne passeront pas à l&apos;antenne.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On-air privacy changed for %n donation(s).</source>
        <translation>
            <numerusform>Confidentialité à l&apos;antenne modifiée pour %n don.</numerusform>
            <numerusform>Confidentialité à l&apos;antenne modifiée pour %n dons.</numerusform>
        </translation>
    </message>
    <message>
        <source>Blocked: %1. Their later messages are held.</source>
        <translation>Blocage&#xa0;: %1. Les prochains messages seront mis en attente.</translation>
    </message>
    <message>
        <source>Already blocked.</source>
        <translation>Déjà bloqué.</translation>
    </message>
    <message>
        <source>%1 is no longer blocked.</source>
        <translation>%1&#xa0;: blocage levé.</translation>
    </message>
    <message>
        <source>Refund %1 to %2?</source>
        <translation>Rembourser %1 à %2&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Refund %n donations (%1)?</source>
        <translation>
            <numerusform>Rembourser %n don (%1)&#xa0;?</numerusform>
            <numerusform>Rembourser %n dons (%1)&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Refunded %1. Total now %2.</source>
        <translation>Remboursement de %1. Nouveau total&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Already thanked on air: %1.</source>
        <translation>Déjà remercié à l&apos;antenne&#xa0;: %1.</translation>
    </message>
    <message>
        <source>No donation left for %1: their sticker and Story frame are withdrawn.</source>
        <translation>Plus aucun don pour %1&#xa0;: son sticker et son image dans la Story sont retirés.</translation>
    </message>
    <message>
        <source>Rules saved: they apply to the next donations.</source>
        <translation>Règles enregistrées&#xa0;: elles s&apos;appliquent aux prochains dons.</translation>
    </message>
</context>
<context>
    <name>ModerationConsole</name>
    <message>
        <source>Moderation console</source>
        <translation>Console de modération</translation>
    </message>
    <message>
        <source>Moderation — LiveGiving Desktop</source>
        <translation>Modération — LiveGiving Desktop</translation>
    </message>
    <message>
        <source>Moderation views</source>
        <translation>Vues de modération</translation>
    </message>
    <message>
        <source>All donations</source>
        <translation>Tous les dons</translation>
    </message>
    <message>
        <source>Every donation of the campaign</source>
        <translation>Tous les dons de la campagne</translation>
    </message>
    <message>
        <source>Messages held for review</source>
        <translation>Messages mis en attente</translation>
    </message>
    <message>
        <source>Held messages are not shown on air. A approves (on air), H hides; select several rows with Shift or Ctrl.</source>
        <translation>Les messages en attente ne passent pas à l&apos;antenne. A les approuve (à l&apos;antenne), H les masque&#xa0;; sélectionnez plusieurs lignes avec Maj ou Ctrl.</translation>
    </message>
    <message>
        <source>Audit log: every moderation action</source>
        <translation>Journal d&apos;audit&#xa0;: toutes les actions de modération</translation>
    </message>
    <message>
        <source>Append-only: nothing here can be edited or deleted.</source>
        <translation>Ajout uniquement&#xa0;: rien ici ne peut être modifié ni supprimé.</translation>
    </message>
    <message>
        <source>Hold queue</source>
        <translation>File d&apos;attente</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Give your display name first: it is written on every action.</source>
        <translation>Indiquez d&apos;abord votre nom d&apos;affichage&#xa0;: il est inscrit sur chaque action.</translation>
    </message>
    <message>
        <source>No fundraiser yet: create one in LiveGiving Desktop first.</source>
        <translation>Aucun collecteur de fonds pour l&apos;instant&#xa0;: créez-en d&apos;abord un dans LiveGiving Desktop.</translation>
    </message>
    <message>
        <source>Moderation — %1</source>
        <translation>Modération — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n held</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>Hold queue (%1)</source>
        <translation>File d&apos;attente (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n donation(s)</source>
        <translation>
            <numerusform>%n don</numerusform>
            <numerusform>%n dons</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModeratorIdentity</name>
    <message>
        <source>Signed in as %1 · %2</source>
        <translation>Connecté·e en tant que %1 · %2</translation>
    </message>
    <message>
        <source>No display name yet</source>
        <translation>Pas encore de nom d&apos;affichage</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Modérateur</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Créateur</translation>
    </message>
    <message>
        <source>Moderating as %1 · %2</source>
        <translation>Modération par %1 · %2</translation>
    </message>
</context>
<context>
    <name>NewerRows</name>
    <message numerus="yes">
        <source>%n newer ticket sale(s)</source>
        <translation>
            <numerusform>%n vente plus récente</numerusform>
            <numerusform>%n ventes plus récentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n newer donation(s)</source>
        <translation>
            <numerusform>%n don plus récent</numerusform>
            <numerusform>%n dons plus récents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfflineDonationDialog</name>
    <message>
        <source>Add an offline donation</source>
        <translation>Ajouter un don hors ligne</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Donor name</source>
        <translation>Nom du donateur</translation>
    </message>
    <message>
        <source>Name as the donor gave it</source>
        <translation>Nom tel qu&apos;indiqué par le donateur</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Optional message, read on air</source>
        <translation>Message facultatif, lu à l&apos;antenne</translation>
    </message>
    <message>
        <source>Show as Anonymous on air</source>
        <translation>Afficher «&#xa0;Anonyme&#xa0;» à l&apos;antenne</translation>
    </message>
    <message>
        <source>Anonymous donation</source>
        <translation>Don anonyme</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Add donation</source>
        <translation>Ajouter le don</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>Montant (%1)</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>Donateur</translation>
    </message>
    <message>
        <source>Offline donation</source>
        <translation>Don hors ligne</translation>
    </message>
    <message>
        <source>Cash at the venue, a bank transfer, a cheque…</source>
        <translation>Espèces sur place, virement bancaire, chèque…</translation>
    </message>
</context>
<context>
    <name>OverlayPreview</name>
    <message>
        <source>Zoé</source>
        <translation>Zoé</translation>
    </message>
    <message>
        <source>Good luck with the marathon!</source>
        <translation>Bon courage pour le marathon !</translation>
    </message>
    <message>
        <source>Overlay preview</source>
        <translation>Aperçu des incrustations</translation>
    </message>
    <message>
        <source>Alert box at %1, font %2 at %3 %, accent %4</source>
        <translation>Boîte d’alertes : %1, police %2 à %3 %, accent %4</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>donated</source>
        <translation>a fait un don</translation>
    </message>
</context>
<context>
    <name>OverlaysPanel</name>
    <message>
        <source>Tier %1: from amount</source>
        <translation>Palier %1 : à partir du montant</translation>
    </message>
    <message>
        <source>Tier %1: colour</source>
        <translation>Palier %1 : couleur</translation>
    </message>
    <message>
        <source>Tier %1: sound</source>
        <translation>Palier %1 : son</translation>
    </message>
    <message>
        <source>Tier %1: size</source>
        <translation>Palier %1 : taille</translation>
    </message>
    <message>
        <source>Remove this tier</source>
        <translation>Retirer ce palier</translation>
    </message>
    <message>
        <source>Remove tier %1</source>
        <translation>Retirer le palier %1</translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation>Incrustations</translation>
    </message>
    <message>
        <source>Alerts on air</source>
        <translation>Alertes à l’antenne</translation>
    </message>
    <message>
        <source>Test alert</source>
        <translation>Alerte de test</translation>
    </message>
    <message>
        <source>Replay last alert</source>
        <translation>Rejouer la dernière alerte</translation>
    </message>
    <message>
        <source>Skip current alert</source>
        <translation>Passer l’alerte en cours</translation>
    </message>
    <message>
        <source>Pause alerts</source>
        <translation>Mettre les alertes en pause</translation>
    </message>
    <message>
        <source>Overlay notice</source>
        <translation>Avis des incrustations</translation>
    </message>
    <message>
        <source>Connected overlays</source>
        <translation>Incrustations connectées</translation>
    </message>
    <message>
        <source>Overlays connected</source>
        <translation>Incrustations connectées</translation>
    </message>
    <message>
        <source>Browser sources for OBS</source>
        <translation>Sources navigateur pour OBS</translation>
    </message>
    <message>
        <source>%1 link</source>
        <translation>Lien : %1</translation>
    </message>
    <message>
        <source>Copy the %1 link</source>
        <translation>Copier le lien : %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>New links</source>
        <translation>Nouveaux liens</translation>
    </message>
    <message>
        <source>New links (the old ones stop working)</source>
        <translation>Nouveaux liens (les anciens cessent de fonctionner)</translation>
    </message>
    <message>
        <source>Overlay server</source>
        <translation>Serveur d’incrustations</translation>
    </message>
    <message>
        <source>Overlay server status</source>
        <translation>État du serveur d’incrustations</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Open to the local network (a second streaming PC)</source>
        <translation>Ouvrir au réseau local (un second PC de diffusion)</translation>
    </message>
    <message>
        <source>Open to the local network</source>
        <translation>Ouvrir au réseau local</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Apply the server settings</source>
        <translation>Appliquer les réglages du serveur</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <source>Tier shown in the preview</source>
        <translation>Palier montré dans l’aperçu</translation>
    </message>
    <message>
        <source>Preview tier</source>
        <translation>Palier de l’aperçu</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Couleur du texte</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>Couleur d’accent</translation>
    </message>
    <message>
        <source>Box colour (with transparency)</source>
        <translation>Couleur du cadre (avec transparence)</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Language of the overlays</source>
        <translation>Langue des incrustations</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Each alert stays on screen</source>
        <translation>Durée d’affichage de chaque alerte</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Alert duration</source>
        <translation>Durée des alertes</translation>
    </message>
    <message>
        <source>Read messages aloud (text-to-speech)</source>
        <translation>Lire les messages à voix haute (synthèse vocale)</translation>
    </message>
    <message>
        <source>Read messages aloud</source>
        <translation>Lire les messages à voix haute</translation>
    </message>
    <message>
        <source>Voice speed</source>
        <translation>Vitesse de la voix</translation>
    </message>
    <message>
        <source>Alert tiers by amount</source>
        <translation>Paliers d’alerte selon le montant</translation>
    </message>
    <message>
        <source>From</source>
        <translation>À partir de</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Son</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Add a tier</source>
        <translation>Ajouter un palier</translation>
    </message>
    <message>
        <source>Overlay settings error</source>
        <translation>Erreur dans les réglages des incrustations</translation>
    </message>
    <message>
        <source>Save style</source>
        <translation>Enregistrer le style</translation>
    </message>
    <message>
        <source>Save the overlay style</source>
        <translation>Enregistrer le style des incrustations</translation>
    </message>
    <message>
        <source>Choose %1</source>
        <translation>Choisir : %1</translation>
    </message>
    <message>
        <source>Zoé</source>
        <translation>Zoé</translation>
    </message>
    <message>
        <source>Good luck with the marathon!</source>
        <translation>Bon courage pour le marathon !</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>Palier %1</translation>
    </message>
    <message>
        <source>Copied the %1 link.</source>
        <translation>Lien copié : %1.</translation>
    </message>
    <message>
        <source>Resume alerts</source>
        <translation>Reprendre les alertes</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>Cela n’a pas fonctionné : %1</translation>
    </message>
    <message>
        <source>The overlay server listens on port %1.</source>
        <translation>Le serveur d’incrustations écoute sur le port %1.</translation>
    </message>
    <message>
        <source>Style saved: every overlay shows it now.</source>
        <translation>Style enregistré : toutes les incrustations l’affichent.</translation>
    </message>
    <message>
        <source>New links made: the old ones no longer work.</source>
        <translation>Nouveaux liens créés : les anciens ne fonctionnent plus.</translation>
    </message>
    <message>
        <source>Test alert sent.</source>
        <translation>Alerte de test envoyée.</translation>
    </message>
    <message>
        <source>The last alert plays again.</source>
        <translation>La dernière alerte est rejouée.</translation>
    </message>
    <message>
        <source>Skipped the alert on screen.</source>
        <translation>Alerte à l’écran passée.</translation>
    </message>
    <message>
        <source>Alerts paused: new ones wait.</source>
        <translation>Alertes en pause : les nouvelles attendent.</translation>
    </message>
    <message>
        <source>Alerts resumed.</source>
        <translation>Alertes reprises.</translation>
    </message>
    <message>
        <source>Browser source size: %1 × %2</source>
        <translation>Taille de la source navigateur : %1 × %2</translation>
    </message>
    <message>
        <source>No overlay connected</source>
        <translation>Aucune incrustation connectée</translation>
    </message>
    <message numerus="yes">
        <source>%n overlay(s) connected</source>
        <translation>
            <numerusform>%n incrustation connectée</numerusform>
            <numerusform>%n incrustations connectées</numerusform>
        </translation>
    </message>
    <message>
        <source>The overlay server is not running: %1</source>
        <translation>Le serveur d&apos;incrustations ne tourne pas : %1</translation>
    </message>
    <message>
        <source>The overlay server is not running.</source>
        <translation>Le serveur d’incrustations ne tourne pas.</translation>
    </message>
    <message>
        <source>Listening on port %1, open to the local network.</source>
        <translation>À l’écoute sur le port %1, ouvert au réseau local.</translation>
    </message>
    <message>
        <source>Listening on port %1, this computer only.</source>
        <translation>À l’écoute sur le port %1, cet ordinateur seulement.</translation>
    </message>
</context>
<context>
    <name>OverlaysWindow</name>
    <message>
        <source>Overlays — LiveGiving Desktop</source>
        <translation>Incrustations — LiveGiving Desktop</translation>
    </message>
    <message>
        <source>Overlays — %1</source>
        <translation>Incrustations — %1</translation>
    </message>
</context>
<context>
    <name>PolicyCard</name>
    <message>
        <source>Refund policy</source>
        <translation>Conditions de remboursement</translation>
    </message>
    <message>
        <source>REFUND POLICY</source>
        <translation>CONDITIONS DE REMBOURSEMENT</translation>
    </message>
</context>
<context>
    <name>Presence</name>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>%1 (creator)</source>
        <translation>%1 (créateur)</translation>
    </message>
    <message>
        <source>%1 (viewer)</source>
        <translation>%1 (lecteur)</translation>
    </message>
    <message>
        <source>%1 (silent %2)</source>
        <translation>%1 (silencieux depuis %2)</translation>
    </message>
    <message>
        <source>On duty: %1</source>
        <translation>En service : %1</translation>
    </message>
    <message>
        <source>Gone: %1</source>
        <translation>Partis : %1</translation>
    </message>
    <message>
        <source>No moderator watching</source>
        <translation>Aucun modérateur ne regarde</translation>
    </message>
    <message>
        <source>%1&apos;s seat has gone (last heard %2)</source>
        <translation>Le poste de %1 est parti (dernier signe à %2)</translation>
    </message>
    <message>
        <source>%1 is back</source>
        <translation>%1 est de retour</translation>
    </message>
</context>
<context>
    <name>RateCard</name>
    <message>
        <source>Donations per second, last minute</source>
        <translation>Dons par seconde, dernière minute</translation>
    </message>
    <message>
        <source>DONATIONS PER SECOND · LAST MINUTE</source>
        <translation>DONS PAR SECONDE · DERNIÈRE MINUTE</translation>
    </message>
    <message>
        <source>%1 /s</source>
        <translation>%1&#xa0;/s</translation>
    </message>
    <message>
        <source>rising</source>
        <translation>en hausse</translation>
    </message>
    <message>
        <source>falling</source>
        <translation>en baisse</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>stable</translation>
    </message>
    <message numerus="yes">
        <source>%n donation(s) in the last second, %1</source>
        <translation>
            <numerusform>%n don à la dernière seconde, %1</numerusform>
            <numerusform>%n dons à la dernière seconde, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund</source>
        <translation>Rembourser</translation>
    </message>
    <message>
        <source>The reason is required and kept on the audit log.</source>
        <translation>Le motif est obligatoire et conservé dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Reason for the refund</source>
        <translation>Motif du remboursement</translation>
    </message>
    <message>
        <source>e.g. Donor asked: card used by mistake</source>
        <translation>ex.&#xa0;: demande du donateur, carte utilisée par erreur</translation>
    </message>
</context>
<context>
    <name>RefundPolicy</name>
    <message>
        <source>Buyers can ask for a refund until %1 (%2 hours before the start).</source>
        <translation>Les acheteurs peuvent demander un remboursement jusqu&apos;à %1 (%2&#xa0;heures avant le début).</translation>
    </message>
    <message>
        <source>Buyers can ask for a refund up to %1 hours before the start.</source>
        <translation>Les acheteurs peuvent demander un remboursement jusqu&apos;à %1&#xa0;heures avant le début.</translation>
    </message>
    <message>
        <source>After that, only you can refund a ticket, with an override that is recorded. Cancelling the event refunds every ticket.</source>
        <translation>Passé ce délai, vous seul pouvez rembourser un billet, par une dérogation enregistrée. Annuler l&apos;événement rembourse tous les billets.</translation>
    </message>
</context>
<context>
    <name>RefundTicketDialog</name>
    <message>
        <source>Refund a ticket</source>
        <translation>Rembourser un billet</translation>
    </message>
    <message>
        <source>Reason for the refund</source>
        <translation>Motif du remboursement</translation>
    </message>
    <message>
        <source>e.g. the buyer cannot attend</source>
        <translation>ex.&#xa0;: l&apos;acheteur ne peut pas venir</translation>
    </message>
    <message>
        <source>Refund anyway (creator&apos;s override, recorded)</source>
        <translation>Rembourser quand même (dérogation du créateur, enregistrée)</translation>
    </message>
    <message>
        <source>Override the refund window</source>
        <translation>Déroger au délai de remboursement</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Refund ticket</source>
        <translation>Rembourser le billet</translation>
    </message>
    <message>
        <source>The refund window has closed: tick the override to refund anyway.</source>
        <translation>Le délai de remboursement est dépassé&#xa0;: cochez la dérogation pour rembourser quand même.</translation>
    </message>
</context>
<context>
    <name>RevenueCard</name>
    <message>
        <source>Ticket revenue</source>
        <translation>Recettes de la billetterie</translation>
    </message>
    <message>
        <source>TICKET REVENUE</source>
        <translation>RECETTES DE LA BILLETTERIE</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>owner</source>
        <translation>propriétaire</translation>
    </message>
    <message>
        <source>moderator</source>
        <translation>modérateur, modératrice</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>lecteur, lectrice</translation>
    </message>
    <message>
        <source>go live</source>
        <translation>passer en direct</translation>
    </message>
    <message>
        <source>end a broadcast</source>
        <translation>terminer une diffusion</translation>
    </message>
    <message>
        <source>thank donors on air</source>
        <translation>remercier des donateurs à l&apos;antenne</translation>
    </message>
    <message>
        <source>record a donation</source>
        <translation>enregistrer un don</translation>
    </message>
    <message>
        <source>decide on messages</source>
        <translation>décider des messages</translation>
    </message>
    <message>
        <source>change what goes on air</source>
        <translation>changer ce qui passe à l&apos;antenne</translation>
    </message>
    <message>
        <source>block a donor</source>
        <translation>bloquer un donateur</translation>
    </message>
    <message>
        <source>unblock a donor</source>
        <translation>débloquer un donateur</translation>
    </message>
    <message>
        <source>refund a donation</source>
        <translation>rembourser un don</translation>
    </message>
    <message>
        <source>change the moderation rules</source>
        <translation>changer les règles de modération</translation>
    </message>
    <message>
        <source>admit at the door</source>
        <translation>faire entrer à la porte</translation>
    </message>
    <message>
        <source>refund a ticket</source>
        <translation>rembourser un billet</translation>
    </message>
    <message>
        <source>give a ticket a new code</source>
        <translation>donner un nouveau code à un billet</translation>
    </message>
    <message>
        <source>cancel an event</source>
        <translation>annuler un événement</translation>
    </message>
    <message>
        <source>create a campaign</source>
        <translation>créer une campagne</translation>
    </message>
    <message>
        <source>change a goal</source>
        <translation>changer un objectif</translation>
    </message>
    <message>
        <source>Your database login cannot %1</source>
        <translation>Avec votre identifiant de base de données, vous ne pouvez pas %1</translation>
    </message>
    <message>
        <source>Your role (%1) cannot %2</source>
        <translation>Avec votre rôle (%1), vous ne pouvez pas %2</translation>
    </message>
</context>
<context>
    <name>RulesForm</name>
    <message>
        <source>Blocklists</source>
        <translation>Mots interdits</translation>
    </message>
    <message>
        <source>One word a line. Case, accents, repeated letters and swaps like c0nnard are seen through; only whole words match (Scunthorpe passes).</source>
        <translation>Un mot par ligne. Majuscules, accents, lettres répétées et substitutions comme «&#xa0;c0nnard&#xa0;» sont reconnus&#xa0;; seuls les mots entiers sont détectés («&#xa0;Scunthorpe&#xa0;» passe).</translation>
    </message>
    <message>
        <source>English blocklist</source>
        <translation>Mots interdits en anglais</translation>
    </message>
    <message>
        <source>French blocklist</source>
        <translation>Mots interdits en français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Show on air</source>
        <translation>Passer à l&apos;antenne</translation>
    </message>
    <message>
        <source>Hold for review</source>
        <translation>Mettre en attente</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Outcomes and review flags</source>
        <translation>Traitements et signalements</translation>
    </message>
    <message>
        <source>Blocklisted word</source>
        <translation>Mot interdit</translation>
    </message>
    <message>
        <source>Message with a link</source>
        <translation>Message avec un lien</translation>
    </message>
    <message>
        <source>Message too long</source>
        <translation>Message trop long</translation>
    </message>
    <message>
        <source>Longest message</source>
        <translation>Longueur maximale</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <source> characters</source>
        <translation>&#xa0;caractères</translation>
    </message>
    <message>
        <source>Large amount</source>
        <translation>Montant élevé</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Large first donation</source>
        <translation>Premier don élevé</translation>
    </message>
    <message>
        <source>Donations from one donor</source>
        <translation>Dons d&apos;un même donateur</translation>
    </message>
    <message>
        <source> donations</source>
        <translation>&#xa0;dons</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>En moins de</translation>
    </message>
    <message>
        <source> s</source>
        <translation>&#xa0;s</translation>
    </message>
    <message>
        <source>Longer message</source>
        <translation>Message plus long</translation>
    </message>
    <message>
        <source>Flag a donation from</source>
        <translation>Signaler un don à partir de</translation>
    </message>
    <message>
        <source>Flag a first donation from</source>
        <translation>Signaler un premier don à partir de</translation>
    </message>
    <message>
        <source>Flag a donor giving</source>
        <translation>Signaler un donateur qui fait</translation>
    </message>
    <message>
        <source>within</source>
        <translation>en moins de</translation>
    </message>
    <message>
        <source>Blocked donors</source>
        <translation>Donateurs bloqués</translation>
    </message>
    <message>
        <source>A blocked donor&apos;s later messages are held.</source>
        <translation>Les messages suivants d&apos;un donateur bloqué sont mis en attente.</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <source>Save rules</source>
        <translation>Enregistrer les règles</translation>
    </message>
    <message>
        <source>Off, or e.g. %1</source>
        <translation>Désactivé, ou p. ex. %1</translation>
    </message>
</context>
<context>
    <name>SeatsCard</name>
    <message>
        <source>Seats sold and people admitted</source>
        <translation>Places vendues et personnes admises</translation>
    </message>
    <message>
        <source>People admitted</source>
        <translation>Personnes admises</translation>
    </message>
    <message>
        <source>TICKETS SOLD</source>
        <translation>BILLETS VENDUS</translation>
    </message>
    <message>
        <source>SEATS LEFT</source>
        <translation>PLACES RESTANTES</translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation>ENTRÉES REFUSÉES</translation>
    </message>
    <message>
        <source>SEATS AND ATTENDANCE</source>
        <translation>PLACES ET FRÉQUENTATION</translation>
    </message>
    <message>
        <source>Admitted now</source>
        <translation>Actuellement admises</translation>
    </message>
    <message>
        <source>%1 / %2 admitted</source>
        <translation>Admises&#xa0;: %1 / %2</translation>
    </message>
    <message>
        <source>%1 of %2 seats</source>
        <translation>%1 sur %2 places</translation>
    </message>
    <message>
        <source>%1 admitted</source>
        <translation>Admises&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 sold</source>
        <translation>Vendus&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1, %2 admitted</source>
        <translation>%1, %2 entrées</translation>
    </message>
</context>
<context>
    <name>SharedStoryPlayer</name>
    <message>
        <source>Shared Story</source>
        <translation>Story partagée</translation>
    </message>
    <message>
        <source>Shared Story — %1</source>
        <translation>Story partagée — %1</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Write sticker.png and every frame as PNG files</source>
        <translation>Enregistrer sticker.png et chaque image en fichiers PNG</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progression de l&apos;exportation</translation>
    </message>
    <message>
        <source>Frames: %1</source>
        <translation>Images&#xa0;: %1</translation>
    </message>
    <message>
        <source>Click right: next · left: previous · hold or Space: pause</source>
        <translation>Clic à droite&#xa0;: suivant · à gauche&#xa0;: précédent · maintenir ou Espace&#xa0;: pause</translation>
    </message>
    <message>
        <source>No Story shared yet</source>
        <translation>Aucune Story partagée pour l&apos;instant</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Export the shared Story to a folder</source>
        <translation>Exporter la Story partagée dans un dossier</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L&apos;exportation a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Written to %1: sticker.png and %2 frames</source>
        <translation>Enregistré dans %1&#xa0;: sticker.png et %2 images</translation>
    </message>
</context>
<context>
    <name>StickerPanel</name>
    <message>
        <source>Selected sticker</source>
        <translation>Sticker sélectionné</translation>
    </message>
    <message>
        <source>Select a donor in the feed</source>
        <translation>Sélectionnez un donateur dans le fil</translation>
    </message>
    <message>
        <source>Sticker gallery of the selected donor</source>
        <translation>Galerie de stickers du donateur sélectionné</translation>
    </message>
    <message>
        <source>Compose Story</source>
        <translation>Créer une Story</translation>
    </message>
    <message>
        <source>Compose a Story with the selected donor&apos;s sticker</source>
        <translation>Créer une Story avec le sticker du donateur sélectionné</translation>
    </message>
    <message>
        <source>Shared Story</source>
        <translation>Story partagée</translation>
    </message>
    <message>
        <source>Play the campaign&apos;s shared Story</source>
        <translation>Lire la Story partagée de la campagne</translation>
    </message>
    <message>
        <source>“I DONATED” STICKERS</source>
        <translation>STICKERS «&#xa0;J&apos;AI FAIT UN DON&#xa0;»</translation>
    </message>
    <message>
        <source>Their stickers show here, locked and unlocked.</source>
        <translation>Ses stickers s&apos;affichent ici, verrouillés ou déverrouillés.</translation>
    </message>
</context>
<context>
    <name>Stickers</name>
    <message>
        <source>Unlocked %1, until %2</source>
        <translation>Débloqué le %1, jusqu&apos;au %2</translation>
    </message>
    <message>
        <source>Expired %1: a new donation unlocks it</source>
        <translation>Expiré le %1&#xa0;: un nouveau don le débloque</translation>
    </message>
    <message>
        <source>Locked: the donations were refunded</source>
        <translation>Verrouillé&#xa0;: les dons ont été remboursés</translation>
    </message>
    <message>
        <source>Locked: unlocked by a donation to this campaign</source>
        <translation>Verrouillé&#xa0;: un don à cette campagne le débloque</translation>
    </message>
</context>
<context>
    <name>Story</name>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message>
        <source>%n min ago</source>
        <translation>il y a %n&#xa0;min</translation>
    </message>
    <message>
        <source>%n h ago</source>
        <translation>il y a %n&#xa0;h</translation>
    </message>
    <message>
        <source>%n d ago</source>
        <translation>il y a %n&#xa0;j</translation>
    </message>
    <message>
        <source>Gave %1</source>
        <translation>A donné %1</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonyme</translation>
    </message>
    <message>
        <source>%1 raised</source>
        <translation>%1 récoltés</translation>
    </message>
    <message>
        <source>Give now</source>
        <translation>Donner maintenant</translation>
    </message>
    <message>
        <source>“%1” is not an image (PNG, JPEG, GIF, BMP, WebP).</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une image (PNG, JPEG, GIF, BMP, WebP).</translation>
    </message>
    <message>
        <source>“%1” is not a file (a device, a pipe or a folder).</source>
        <translation>« %1 » n&apos;est pas un fichier (un périphérique, un tube ou un dossier).</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas être lu&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>StoryCanvas</name>
    <message>
        <source>Story preview</source>
        <translation>Aperçu de la Story</translation>
    </message>
    <message>
        <source>Sticker %1 % across, %2 % down, size %3 %, turned %4°.</source>
        <translation>Sticker à %1 % de la largeur, %2 % de la hauteur, taille %3 %, tourné de %4°.</translation>
    </message>
    <message>
        <source>Arrows move it, plus and minus resize it, brackets turn it.</source>
        <translation>Les flèches le déplacent, plus et moins le redimensionnent, les crochets le font tourner.</translation>
    </message>
</context>
<context>
    <name>StoryComposer</name>
    <message>
        <source>Story composer</source>
        <translation>Éditeur de Story</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonyme</translation>
    </message>
    <message>
        <source>Compose a Story — %1</source>
        <translation>Créer une Story — %1</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Arrière-plan</translation>
    </message>
    <message>
        <source>Sunset gradient</source>
        <translation>Dégradé coucher de soleil</translation>
    </message>
    <message>
        <source>Violet gradient</source>
        <translation>Dégradé violet</translation>
    </message>
    <message>
        <source>Ocean gradient</source>
        <translation>Dégradé océan</translation>
    </message>
    <message>
        <source>Forest gradient</source>
        <translation>Dégradé forêt</translation>
    </message>
    <message>
        <source>Night gradient</source>
        <translation>Dégradé nuit</translation>
    </message>
    <message>
        <source>Solid %1</source>
        <translation>Uni %1</translation>
    </message>
    <message>
        <source>Your image</source>
        <translation>Votre image</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Choisir une image…</translation>
    </message>
    <message>
        <source>Choose a background image</source>
        <translation>Choisir une image d&apos;arrière-plan</translation>
    </message>
    <message>
        <source>Composer message</source>
        <translation>Message de l&apos;éditeur</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Say why you gave (optional)</source>
        <translation>Dites pourquoi vous avez donné (facultatif)</translation>
    </message>
    <message>
        <source>Sticker size</source>
        <translation>Taille du sticker</translation>
    </message>
    <message>
        <source>Sticker rotation</source>
        <translation>Rotation du sticker</translation>
    </message>
    <message>
        <source>Show the amount I gave</source>
        <translation>Afficher le montant de mon don</translation>
    </message>
    <message>
        <source>Show the amount</source>
        <translation>Afficher le montant</translation>
    </message>
    <message>
        <source>This campaign does not show amounts</source>
        <translation>Cette campagne n&apos;affiche pas les montants</translation>
    </message>
    <message>
        <source>Share to the Story</source>
        <translation>Partager dans la Story</translation>
    </message>
    <message>
        <source>Share to the campaign&apos;s Story</source>
        <translation>Partager dans la Story de la campagne</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Your Story</source>
        <translation>Votre Story</translation>
    </message>
    <message>
        <source>Drag the sticker to move it; the mouse wheel resizes it, Shift + wheel turns it. With the keyboard, on the preview: arrows move it, + and - resize it, [ and ] turn it.</source>
        <translation>Faites glisser le sticker pour le déplacer ; la molette le redimensionne, Maj + molette le fait tourner. Au clavier, sur l’aperçu : les flèches le déplacent, + et - le redimensionnent, [ et ] le font tourner.</translation>
    </message>
    <message>
        <source>Sharing needs an unlocked sticker: this one has expired. A new donation unlocks it again.</source>
        <translation>Le partage nécessite un sticker déverrouillé&#xa0;: celui-ci a expiré. Un nouveau don le déverrouille à nouveau.</translation>
    </message>
    <message>
        <source>Sharing needs an unlocked sticker: this donor&apos;s donations were refunded.</source>
        <translation>Le partage nécessite un sticker déverrouillé&#xa0;: les dons de ce donateur ont été remboursés.</translation>
    </message>
    <message>
        <source>Sharing needs an unlocked sticker: a donation unlocks it.</source>
        <translation>Le partage nécessite un sticker déverrouillé&#xa0;: un don le déverrouille.</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Shared! Your frame replaced your earlier one in the campaign&apos;s Story.</source>
        <translation>Partagé&#xa0;! Votre image remplace la précédente dans la Story de la campagne.</translation>
    </message>
    <message>
        <source>Shared! Your frame is in the campaign&apos;s Story.</source>
        <translation>Partagé&#xa0;! Votre image figure dans la Story de la campagne.</translation>
    </message>
</context>
<context>
    <name>StoryView</name>
    <message>
        <source>Shared Story</source>
        <translation>Story partagée</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>Broadcast summary</source>
        <translation>Bilan de la diffusion</translation>
    </message>
    <message>
        <source>That&apos;s a wrap!</source>
        <translation>C&apos;est dans la boîte&#xa0;!</translation>
    </message>
    <message>
        <source>Top donors</source>
        <translation>Meilleurs donateurs</translation>
    </message>
</context>
<context>
    <name>ThankQueueCard</name>
    <message>
        <source>Donors not yet thanked</source>
        <translation>Donateurs pas encore remerciés</translation>
    </message>
    <message>
        <source>Thank everyone in the queue (Ctrl+Shift+T)</source>
        <translation>Remercier tous les donateurs en attente (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>Thank all</source>
        <translation>Remercier tous</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Put them back in the queue</source>
        <translation>Les remettre dans la file</translation>
    </message>
    <message>
        <source>To thank (%1)</source>
        <translation>À remercier (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n donation(s) thanked</source>
        <translation>
            <numerusform>%n don remercié</numerusform>
            <numerusform>%n dons remerciés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
</context>
<context>
    <name>Tickets</name>
    <message>
        <source>valid</source>
        <translation>valide</translation>
    </message>
    <message>
        <source>admitted</source>
        <translation>admis</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>remboursé</translation>
    </message>
    <message>
        <source>no ticket</source>
        <translation>aucun billet</translation>
    </message>
    <message>
        <source>wrong code</source>
        <translation>code erroné</translation>
    </message>
    <message>
        <source>ticket refunded</source>
        <translation>billet remboursé</translation>
    </message>
    <message>
        <source>code already used</source>
        <translation>code déjà utilisé</translation>
    </message>
    <message>
        <source>event not live</source>
        <translation>l&apos;événement n&apos;est pas en direct</translation>
    </message>
    <message>
        <source>Ticket %1 · bought %2</source>
        <translation>Billet %1 · acheté le %2</translation>
    </message>
    <message>
        <source>✓ %1 admitted</source>
        <translation>✓ %1 — entrée validée</translation>
    </message>
    <message>
        <source>✕ %1 refused: %2</source>
        <translation>✕ %1 — entrée refusée&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>TopDonorsCard</name>
    <message>
        <source>Top donors</source>
        <translation>Meilleurs donateurs</translation>
    </message>
    <message>
        <source>TOP DONORS</source>
        <translation>MEILLEURS DONATEURS</translation>
    </message>
    <message>
        <source>No donors yet</source>
        <translation>Aucun donateur pour l&apos;instant</translation>
    </message>
</context>
<context>
    <name>TotalsCard</name>
    <message>
        <source>Amount raised</source>
        <translation>Montant récolté</translation>
    </message>
    <message>
        <source>Goal progress</source>
        <translation>Progression vers l&apos;objectif</translation>
    </message>
    <message>
        <source>DONORS</source>
        <translation>DONATEURS</translation>
    </message>
    <message>
        <source>DONATIONS</source>
        <translation>DONS</translation>
    </message>
    <message>
        <source>AVERAGE</source>
        <translation>MOYENNE</translation>
    </message>
    <message>
        <source>AMOUNT RAISED</source>
        <translation>MONTANT RÉCOLTÉ</translation>
    </message>
    <message>
        <source>%1 % of the %2 goal</source>
        <translation>%1&#xa0;% de l&apos;objectif de %2</translation>
    </message>
    <message>
        <source>Goal reached! Thank you all!</source>
        <translation>Objectif atteint&#xa0;! Merci à tous&#xa0;!</translation>
    </message>
    <message>
        <source>%1 % of the goal reached!</source>
        <translation>%1&#xa0;% de l&apos;objectif atteint&#xa0;!</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;New campaign</source>
        <translation>&amp;Nouvelle campagne</translation>
    </message>
    <message>
        <source>&amp;Campaigns</source>
        <translation>&amp;Campagnes</translation>
    </message>
    <message>
        <source>&amp;Export donations…</source>
        <translation>&amp;Exporter les dons…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Go live</source>
        <translation>Passer en &amp;direct</translation>
    </message>
    <message>
        <source>&amp;End broadcast</source>
        <translation>&amp;Terminer la diffusion</translation>
    </message>
    <message>
        <source>&amp;Thank selected donor</source>
        <translation>&amp;Remercier le donateur sélectionné</translation>
    </message>
    <message>
        <source>Thank &amp;all in the queue</source>
        <translation>Remercier tou&amp;s les donateurs en attente</translation>
    </message>
    <message>
        <source>Add &amp;offline donation…</source>
        <translation>Ajouter un don &amp;hors ligne…</translation>
    </message>
    <message>
        <source>&amp;Pause or resume the audience</source>
        <translation>Suspendre ou reprendre le &amp;public</translation>
    </message>
    <message>
        <source>Focus the donor &amp;feed</source>
        <translation>Aller au &amp;fil des dons</translation>
    </message>
    <message>
        <source>&amp;Moderation console</source>
        <translation>Console de &amp;modération</translation>
    </message>
    <message>
        <source>OBS &amp;overlays…</source>
        <translation>&amp;Incrustations OBS…</translation>
    </message>
    <message>
        <source>&amp;About LiveGiving Desktop</source>
        <translation>À &amp;propos de LiveGiving Desktop</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Copier les &amp;diagnostics</translation>
    </message>
    <message>
        <source>Copy the versions, the database and the end of the log for a bug report</source>
        <translation>Copier les versions, la base de données et la fin du journal pour un rapport de bug</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Broadcast</source>
        <translation>&amp;Diffusion</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>&amp;Announcements</source>
        <translation>&amp;Annonces</translation>
    </message>
    <message>
        <source>Everything (donations summed up)</source>
        <translation>Tout (dons résumés)</translation>
    </message>
    <message>
        <source>Milestones, notices and errors only</source>
        <translation>Étapes, avis et erreurs seulement</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivées</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
</context>
<context>
    <name>_Labels</name>
    <message>
        <source>Alert box</source>
        <translation>Boîte d’alertes</translation>
    </message>
    <message>
        <source>Goal bar</source>
        <translation>Barre d’objectif</translation>
    </message>
    <message>
        <source>Recent donations ticker</source>
        <translation>Bandeau des derniers dons</translation>
    </message>
    <message>
        <source>Top donors</source>
        <translation>Meilleurs donateurs</translation>
    </message>
    <message>
        <source>Story spotlight</source>
        <translation>Story à la une</translation>
    </message>
    <message>
        <source>Seats and attendance</source>
        <translation>Places et présences</translation>
    </message>
    <message>
        <source>Top left</source>
        <translation>En haut à gauche</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>En haut</translation>
    </message>
    <message>
        <source>Top right</source>
        <translation>En haut à droite</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>À gauche</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Au centre</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>À droite</translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation>En bas à gauche</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>En bas</translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation>En bas à droite</translation>
    </message>
    <message>
        <source>No sound</source>
        <translation>Sans son</translation>
    </message>
    <message>
        <source>Chime</source>
        <translation>Carillon</translation>
    </message>
    <message>
        <source>Bell</source>
        <translation>Cloche</translation>
    </message>
    <message>
        <source>Fanfare</source>
        <translation>Fanfare</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <source>Huge</source>
        <translation>Énorme</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>%n moderator(s) watching</source>
        <translation>
            <numerusform>%n modérateur regarde</numerusform>
            <numerusform>%n modérateurs regardent</numerusform>
        </translation>
    </message>
</context>
</TS>
