<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+23"/>
        <source>Survey analysis for social-work research.</source>
        <translation>Analyse d&apos;enquêtes pour la recherche en travail social.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A data file to open (.sav, .zsav, .csv, .tsv).</source>
        <translation>Un fichier de données à ouvrir (.sav, .zsav, .csv, .tsv).</translation>
    </message>
</context>
<context>
    <name>sl::gui::FileController</name>
    <message>
        <location filename="../app/gui/FileController.cpp" line="+67"/>
        <source>Opening %1 was cancelled.</source>
        <translation>L&apos;ouverture de %1 a été annulée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not open %1</source>
        <translation>Impossible d&apos;ouvrir %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Opened %1.</source>
        <translation>%1 est ouvert.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Opened %1 with %n repair(s); see the file&apos;s notes.</source>
        <translation>
            <numerusform>%1 est ouvert avec %n réparation; voir les notes du fichier.</numerusform>
            <numerusform>%1 est ouvert avec %n réparations; voir les notes du fichier.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening %1</source>
        <translation>Ouverture de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+57"/>
        <source>Please wait: %1 is still running.</source>
        <translation>Veuillez patienter&#xa0;: %1 est toujours en cours.</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Data files (*.sav *.zsav *.csv *.tsv *.txt *.xlsx *.dta *.sas7bdat *.por);;SPSS data (*.sav *.zsav *.por);;Text data and Qualtrics exports (*.csv *.tsv *.txt);;Excel workbooks (*.xlsx);;Stata and SAS data (*.dta *.sas7bdat);;All files (*)</source>
        <translation>Fichiers de données (*.sav *.zsav *.csv *.tsv *.txt *.xlsx *.dta *.sas7bdat *.por);;Données SPSS (*.sav *.zsav *.por);;Données texte et exportations Qualtrics (*.csv *.tsv *.txt);;Classeurs Excel (*.xlsx);;Données Stata et SAS (*.dta *.sas7bdat);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open Data</source>
        <translation>Ouvrir des données</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Comma-separated values with value labels (*.csv)</source>
        <translation>Valeurs séparées par des virgules, avec les étiquettes de valeurs (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPSS data (*.sav);;Compressed SPSS data (*.zsav);;Comma-separated values (*.csv);;Tab-separated values (*.tsv);;Excel workbook (*.xlsx)</source>
        <translation>Données SPSS (*.sav);;Données SPSS compressées (*.zsav);;Valeurs séparées par des virgules (*.csv);;Valeurs séparées par des tabulations (*.tsv);;Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>untitled.sav</source>
        <translation>sans-titre.sav</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save Data As</source>
        <translation>Enregistrer les données sous</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not save %1</source>
        <translation>Impossible d&apos;enregistrer %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1.</source>
        <translation>%1 est enregistré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving %1</source>
        <translation>Enregistrement de %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Where: %1</source>
        <translation>Endroit&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sl::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="+112"/>
        <source>Data View</source>
        <translation>Affichage des données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variable View</source>
        <translation>Affichage des variables</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Results of your analyses will appear here.</source>
        <translation>Les résultats de vos analyses s&apos;afficheront ici.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Open Data…</source>
        <translation>&amp;Ouvrir des données…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save Data As…</source>
        <translation>Enregi&amp;strer les données sous…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Value &amp;Labels</source>
        <translation>Étiquettes de &amp;valeurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the label of each code instead of the code</source>
        <translation>Afficher l&apos;étiquette de chaque code au lieu du code</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Survey &amp;Design…</source>
        <translation>&amp;Plan de sondage…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights, strata and clusters of a sampled survey, for design-based standard errors</source>
        <translation>Poids, strates et grappes d&apos;une enquête par échantillonnage, pour des erreurs types fondées sur le plan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open &amp;Sample Survey</source>
        <translation>Ouvrir l&apos;enquête d&apos;e&amp;xemple</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About SurveyLens</source>
        <translation>À &amp;propos de SurveyLens</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Data</source>
        <translation>D&amp;onnées</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Go to Case…</source>
        <translation>A&amp;ller à l&apos;observation…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>Rec&amp;hercher…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sort Cases &amp;Ascending</source>
        <translation>Trier les observations en ordre &amp;croissant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sort Cases &amp;Descending</source>
        <translation>Trier les observations en ordre &amp;décroissant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show Cases in &amp;File Order</source>
        <translation>Afficher les observations dans l&apos;ordre du &amp;fichier</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the running task</source>
        <translation>Arrêter la tâche en cours</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1[*] — SurveyLens</source>
        <translation>%1[*] — SurveyLens</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 cases</source>
        <translation>%1 observations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 variables</source>
        <translation>%1 variables</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unweighted</source>
        <translation>Non pondéré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weighted by %1</source>
        <translation>Pondéré par %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The sample survey is not installed.</source>
        <translation>L&apos;enquête d&apos;exemple n&apos;est pas installée.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unsaved Changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has changes that are not saved. Save them first?</source>
        <translation>%1 contient des modifications non enregistrées. Voulez-vous d&apos;abord les enregistrer?</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>About SurveyLens</source>
        <translation>À propos de SurveyLens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;SurveyLens %1&lt;/h3&gt;&lt;p&gt;Survey analysis for social-work research.&lt;/p&gt;&lt;p&gt;SurveyLens is free software under the GNU General Public License, version 3.&lt;/p&gt;&lt;p&gt;It is built with:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Qt %2 — GNU LGPL version 3&lt;/li&gt;&lt;li&gt;QCustomPlot — GNU GPL version 3&lt;/li&gt;&lt;li&gt;Eigen — Mozilla Public License 2.0&lt;/li&gt;&lt;li&gt;Boost — Boost Software License 1.0&lt;/li&gt;&lt;li&gt;ReadStat — MIT License&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;SurveyLens %1&lt;/h3&gt;&lt;p&gt;Analyse d&apos;enquêtes pour la recherche en travail social.&lt;/p&gt;&lt;p&gt;SurveyLens est un logiciel libre distribué sous la licence publique générale GNU (GPL), version 3.&lt;/p&gt;&lt;p&gt;Il est construit avec&#xa0;:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Qt %2 — GNU LGPL version 3&lt;/li&gt;&lt;li&gt;QCustomPlot — GNU GPL version 3&lt;/li&gt;&lt;li&gt;Eigen — Mozilla Public License 2.0&lt;/li&gt;&lt;li&gt;Boost — Boost Software License 1.0&lt;/li&gt;&lt;li&gt;ReadStat — licence MIT&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
</context>
<context>
    <name>sl::widgets::DataView</name>
    <message>
        <location filename="../widgets/views/DataView.cpp" line="+132"/>
        <source>Go to Case</source>
        <translation>Aller à l&apos;observation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case number:</source>
        <translation>Numéro de l&apos;observation&#xa0;:</translation>
    </message>
</context>
<context>
    <name>sl::widgets::DatasetDocument</name>
    <message>
        <location filename="../widgets/document/DatasetDocument.cpp" line="+20"/>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Edit %1, case %2</source>
        <translation>Modifier %1, observation %2</translation>
    </message>
</context>
<context>
    <name>sl::widgets::DatasetTableModel</name>
    <message>
        <location filename="../widgets/models/DatasetTableModel.cpp" line="+153"/>
        <source>System-missing</source>
        <translation>Valeur manquante système</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (user-missing)</source>
        <translation>%1 (valeur manquante utilisateur)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>%1 holds at most %2 bytes of text; “%3” has %4. Widen it in the Variable View.</source>
        <translation>%1 contient au plus %2 octets de texte; «&#xa0;%3&#xa0;» en a %4. Élargissez-la dans l&apos;Affichage des variables.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>a date such as 2024-03-31</source>
        <translation>une date comme 2024-03-31</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a date and time such as 2024-03-31 14:30:00</source>
        <translation>une date et une heure comme 2024-03-31 14:30:00</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a time such as 14:30:00</source>
        <translation>une heure comme 14:30:00</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 takes %2; “%3” is not one. Leave the cell empty for system-missing.</source>
        <translation>%1 accepte %2; «&#xa0;%3&#xa0;» n&apos;en est pas un. Laissez la cellule vide pour une valeur manquante système.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 takes %2 or one of its value labels; “%3” is neither. Leave the cell empty for system-missing.</source>
        <translation>%1 accepte %2 ou l&apos;une de ses étiquettes de valeurs; «&#xa0;%3&#xa0;» n&apos;est ni l&apos;un ni l&apos;autre. Laissez la cellule vide pour une valeur manquante système.</translation>
    </message>
</context>
<context>
    <name>sl::widgets::FindBar</name>
    <message>
        <location filename="../widgets/views/FindBar.cpp" line="+18"/>
        <source>Find in current variable:</source>
        <translation>Rechercher dans la variable courante&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code or label</source>
        <translation>Code ou étiquette</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find &amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close the find bar</source>
        <translation>Fermer la barre de recherche</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>“%1” was not found in the current variable.</source>
        <translation>«&#xa0;%1&#xa0;» est introuvable dans la variable courante.</translation>
    </message>
</context>
<context>
    <name>sl::widgets::ImportDialog</name>
    <message>
        <location filename="../widgets/dialogs/ImportDialog.cpp" line="+109"/>
        <source>Import %1</source>
        <translation>Importer %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SurveyLens detected how &lt;b&gt;%1&lt;/b&gt; is written. Change a setting if the preview looks wrong.</source>
        <translation>SurveyLens a détecté la façon dont &lt;b&gt;%1&lt;/b&gt; est écrit. Modifiez un paramètre si l&apos;aperçu semble incorrect.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;%1&lt;/b&gt; is a Qualtrics export. Untick a preset to keep those responses or columns.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; est une exportation Qualtrics. Décochez un préréglage pour conserver ces réponses ou ces colonnes.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>&lt;b&gt;%1&lt;/b&gt; has %n worksheet(s). Choose the one holding the data.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; contient %n feuille de calcul. Choisissez celle qui contient les données.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; contient %n feuilles de calcul. Choisissez celle qui contient les données.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;%1&lt;/b&gt; is read with the character encoding it records. If its labels show wrong letters, choose the encoding it was written in.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; est lu avec l&apos;encodage de caractères qu&apos;il indique. Si ses étiquettes affichent des lettres erronées, choisissez l&apos;encodage dans lequel il a été écrit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview of the first rows</source>
        <translation>Aperçu des premières lignes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+99"/>
        <source>Character encoding</source>
        <translation>Encodage des caractères</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+10"/>
        <location line="+9"/>
        <source>Detect</source>
        <translation>Détecter</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+100"/>
        <source>UTF-8 (Unicode)</source>
        <translation>UTF-8 (Unicode)</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>UTF-16 (Unicode)</source>
        <translation>UTF-16 (Unicode)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+99"/>
        <source>Windows-1252 (Western European)</source>
        <translation>Windows-1252 (Europe occidentale)</translation>
    </message>
    <message>
        <location line="-97"/>
        <location line="+98"/>
        <source>ISO-8859-1 (Latin-1)</source>
        <translation>ISO-8859-1 (Latin-1)</translation>
    </message>
    <message>
        <location line="-97"/>
        <location line="+115"/>
        <source>&amp;Encoding:</source>
        <translation>&amp;Encodage&#xa0;:</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Delimiter between values</source>
        <translation>Séparateur entre les valeurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comma  ,</source>
        <translation>Virgule  ,</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semicolon  ;</source>
        <translation>Point-virgule  ;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab</source>
        <translation>Tabulation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vertical bar  |</source>
        <translation>Barre verticale  |</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delimiter:</source>
        <translation>&amp;Séparateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decimal point</source>
        <translation>Séparateur décimal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Point  3.5</source>
        <translation>Point  3.5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comma  3,5</source>
        <translation>Virgule  3,5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decimal &amp;point:</source>
        <translation>Séparateur &amp;décimal&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thousands separator</source>
        <translation>Séparateur des milliers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comma  1,000</source>
        <translation>Virgule  1,000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point  1.000</source>
        <translation>Point  1.000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space  1 000</source>
        <translation>Espace  1 000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apostrophe  1&apos;000</source>
        <translation>Apostrophe  1&apos;000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Thousands separator:</source>
        <translation>Séparateur des &amp;milliers&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+55"/>
        <source>The first row holds the variable &amp;names</source>
        <translation>La première ligne contient les &amp;noms des variables</translation>
    </message>
    <message>
        <location line="-54"/>
        <location line="+55"/>
        <source>Header row</source>
        <translation>Ligne d&apos;en-tête</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Drop &amp;preview, test and spam responses (Status)</source>
        <translation>Exclure les réponses d&apos;a&amp;perçu, de test et indésirables (Status)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop preview, test and spam responses</source>
        <translation>Exclure les réponses d&apos;aperçu, de test et indésirables</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop &amp;unfinished responses (Finished)</source>
        <translation>Exclure les réponses &amp;incomplètes (Finished)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop unfinished responses</source>
        <translation>Exclure les réponses incomplètes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop &amp;identifying columns (IP address, names, e-mail, location, reference)</source>
        <translation>Exclure les colonnes i&amp;dentificatoires (adresse IP, noms, courriel, emplacement, référence)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop identifying columns</source>
        <translation>Exclure les colonnes identificatoires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presets:</source>
        <translation>Préréglages&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choice text export</source>
        <translation>Exportation des textes de choix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: the same survey exported as choice text</source>
        <translation>Facultatif&#xa0;: la même enquête exportée en textes de choix</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the choice text export</source>
        <translation>Choisir l&apos;exportation des textes de choix</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Value labels from:</source>
        <translation>Étiquettes de &amp;valeurs tirées de&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The choice texts of this export become the value labels of its numeric codes.</source>
        <translation>Les textes de choix de cette exportation deviennent les étiquettes de valeurs de ses codes numériques.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Worksheet</source>
        <translation>Feuille de calcul</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Sheet:</source>
        <translation>&amp;Feuille&#xa0;:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>As recorded in the file</source>
        <translation>Tel qu&apos;indiqué dans le fichier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ISO-8859-15 (Latin-9)</source>
        <translation>ISO-8859-15 (Latin-9)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows-1250 (Central European)</source>
        <translation>Windows-1250 (Europe centrale)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows-1251 (Cyrillic)</source>
        <translation>Windows-1251 (cyrillique)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows-1253 (Greek)</source>
        <translation>Windows-1253 (grec)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows-1254 (Turkish)</source>
        <translation>Windows-1254 (turc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows-1255 (Hebrew)</source>
        <translation>Windows-1255 (hébreu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows-1256 (Arabic)</source>
        <translation>Windows-1256 (arabe)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows-1257 (Baltic)</source>
        <translation>Windows-1257 (balte)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows-1258 (Vietnamese)</source>
        <translation>Windows-1258 (vietnamien)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows-874 (Thai)</source>
        <translation>Windows-874 (thaï)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift_JIS (Japanese)</source>
        <translation>Shift_JIS (japonais)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GBK (Chinese, simplified)</source>
        <translation>GBK (chinois simplifié)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Big5 (Chinese, traditional)</source>
        <translation>Big5 (chinois traditionnel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EUC-KR (Korean)</source>
        <translation>EUC-KR (coréen)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Read as %1, values separated by %2, decimal %3.</source>
        <translation>Lu en %1, valeurs séparées par %2, décimale %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tabs</source>
        <translation>des tabulations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comma</source>
        <translation>virgule</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>point</source>
        <translation>point</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reading the preview…</source>
        <translation>Lecture de l&apos;aperçu…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The first %1 of %2 cases; %3 variables.</source>
        <translation>Les %1 premières observations sur %2; %3 variables.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Choice Text Export</source>
        <translation>Exportation des textes de choix</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Qualtrics exports (*.csv *.tsv);;All files (*)</source>
        <translation>Exportations Qualtrics (*.csv *.tsv);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>sl::widgets::MissingValuesDialog</name>
    <message>
        <location filename="../widgets/dialogs/MissingValuesDialog.cpp" line="+32"/>
        <source>Missing Values: %1</source>
        <translation>Valeurs manquantes&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases with these values of %1 count as missing and are left out of analyses.</source>
        <translation>Les observations ayant ces valeurs de %1 sont considérées comme manquantes et exclues des analyses.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;No missing values</source>
        <translation>&amp;Aucune valeur manquante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discrete missing values</source>
        <translation>Valeurs manquantes &amp;discrètes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Range plus one optional discrete missing value</source>
        <translation>&amp;Plage et une valeur manquante discrète facultative</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Missing value %1</source>
        <translation>Valeur manquante %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discrete value</source>
        <translation>Valeur discrète</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Low:</source>
        <translation>M&amp;inimum&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;High:</source>
        <translation>Ma&amp;ximum&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discrete &amp;value:</source>
        <translation>&amp;Valeur discrète&#xa0;:</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>“%1” is longer than the %2 bytes %3 can hold.</source>
        <translation>«&#xa0;%1&#xa0;» dépasse les %2 octets que %3 peut contenir.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is not a number, and %2 holds numbers.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nombre, et %2 contient des nombres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type at least one missing value, or choose No missing values.</source>
        <translation>Saisissez au moins une valeur manquante, ou choisissez Aucune valeur manquante.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A range needs a low and a high number.</source>
        <translation>Une plage exige un minimum et un maximum.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The low end of the range (%1) is above the high end (%2).</source>
        <translation>Le minimum de la plage (%1) dépasse son maximum (%2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not a number.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nombre.</translation>
    </message>
</context>
<context>
    <name>sl::widgets::PreferencesDialog</name>
    <message>
        <location filename="../widgets/dialogs/PreferencesDialog.cpp" line="+55"/>
        <source>Show &amp;value labels instead of codes by default</source>
        <translation>Afficher par défaut les étiquettes de &amp;valeurs plutôt que les codes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SurveyLens will use the new language the next time it starts.</source>
        <translation>SurveyLens utilisera la nouvelle langue à son prochain démarrage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Same as the system</source>
        <translation>Celle du système</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Appearance:</source>
        <translation>&amp;Apparence&#xa0;:</translation>
    </message>
</context>
<context>
    <name>sl::widgets::SurveyDesignDialog</name>
    <message>
        <location filename="../widgets/dialogs/SurveyDesignDialog.cpp" line="+42"/>
        <source>Survey Design</source>
        <translation>Plan de sondage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tell SurveyLens how the sample was drawn, so that the Survey analyses give standard errors and tests that fit it. Leave a variable at (none) when the sample did not use it.</source>
        <translation>Indiquez à SurveyLens comment l&apos;échantillon a été tiré, afin que les analyses d&apos;enquête donnent des erreurs types et des tests adaptés. Laissez une variable à (aucune) si l&apos;échantillon ne l&apos;a pas utilisée.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Not frequency weights.&lt;/b&gt; Frequency weights (SPSS&apos;s WEIGHT BY, the weight stored in the file) make a case count as several identical answers; weighted counts and tables keep using them. The sampling weight chosen here is used only by the Survey analyses.</source>
        <translation>&lt;b&gt;Pas des poids de fréquence.&lt;/b&gt; Les poids de fréquence (WEIGHT BY de SPSS, le poids enregistré dans le fichier) font compter une observation comme plusieurs réponses identiques; les effectifs et les tableaux pondérés continuent de les utiliser. Le poids d&apos;échantillonnage choisi ici sert uniquement aux analyses d&apos;enquête.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This file is weighted by %1 as frequency weights.</source>
        <translation>Ce fichier est pondéré par %1 comme poids de fréquence.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sampling weight</source>
        <translation>Poids d&apos;échantillonnage</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+42"/>
        <source>Strata</source>
        <translation>Strates</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Clusters (PSUs)</source>
        <translation>Grappes (UPE)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finite population correction</source>
        <translation>Correction pour population finie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster codes are &amp;numbered within each stratum (nest)</source>
        <translation>Les codes de grappe sont &amp;numérotés dans chaque strate (emboîtement)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster codes are numbered within each stratum</source>
        <translation>Les codes de grappe sont numérotés dans chaque strate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report as a problem</source>
        <translation>Signaler comme un problème</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjust: centre the PSU at zero, as R&apos;s survey package does</source>
        <translation>Ajuster&#xa0;: centrer l&apos;UPE sur zéro, comme le fait le paquet survey de R</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+36"/>
        <source>Strata with a single PSU</source>
        <translation>Strates avec une seule UPE</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Sampling &amp;weight:</source>
        <translation>&amp;Poids d&apos;échantillonnage&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Strata:</source>
        <translation>&amp;Strates&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clusters (PSUs):</source>
        <translation>&amp;Grappes (UPE)&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Finite population correction:</source>
        <translation>&amp;Correction pour population finie&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strata with a single &amp;PSU:</source>
        <translation>Strates avec une seule &amp;UPE&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number of PSUs in the stratum&apos;s population, or the sampling fraction when at most 1.</source>
        <translation>Le nombre d&apos;UPE dans la population de la strate, ou la fraction d&apos;échantillonnage lorsqu&apos;elle est d&apos;au plus 1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What this design gives</source>
        <translation>Ce que donne ce plan</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1:</source>
        <translation>%1&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cases</source>
        <translation>Observations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PSUs (clusters)</source>
        <translation>UPE (grappes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Design degrees of freedom</source>
        <translation>Degrés de liberté du plan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases missing a design value</source>
        <translation>Observations sans valeur de plan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Design check</source>
        <translation>Vérification du plan</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Use this design</source>
        <translation>Utiliser ce plan</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>cannot be counted yet</source>
        <translation>ne peut pas encore être dénombré</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (no strata chosen)</source>
        <translation>%1 (aucune strate choisie)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (each case is a PSU)</source>
        <translation>%1 (chaque observation est une UPE)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot be computed yet</source>
        <translation>ne peut pas encore être calculé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot be checked yet</source>
        <translation>ne peut pas encore être vérifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (adjusted)</source>
        <translation>%1 (ajustée)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The design can be used.</source>
        <translation>Le plan peut être utilisé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem: %1</source>
        <translation>Problème&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>strata %1</source>
        <translation>strates %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clusters %1</source>
        <translation>grappes %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weight %1</source>
        <translation>poids %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fpc %1</source>
        <translation>cpf %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Survey design: %1</source>
        <translation>Plan de sondage&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sl::widgets::ValueLabelsDialog</name>
    <message>
        <location filename="../widgets/dialogs/ValueLabelsDialog.cpp" line="+82"/>
        <source>Value Labels: %1</source>
        <translation>Étiquettes de valeurs&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Give a label to each text value of %1 (at most %n bytes each).</source>
        <translation>
            <numerusform>Donnez une étiquette à chaque valeur texte de %1 (au plus %n octet chacune).</numerusform>
            <numerusform>Donnez une étiquette à chaque valeur texte de %1 (au plus %n octets chacune).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give a label to each numeric code of %1.</source>
        <translation>Donnez une étiquette à chaque code numérique de %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected labels</source>
        <translation>Supprimer les étiquettes sélectionnées</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Row %1: “%2” is longer than the %3 bytes %4 can hold.</source>
        <translation>Ligne %1&#xa0;: «&#xa0;%2&#xa0;» dépasse les %3 octets que %4 peut contenir.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Row %1: the label “%2” needs a value.</source>
        <translation>Ligne %1&#xa0;: l&apos;étiquette «&#xa0;%2&#xa0;» doit avoir une valeur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row %1: “%2” is not a number, and %3 holds numbers.</source>
        <translation>Ligne %1&#xa0;: «&#xa0;%2&#xa0;» n&apos;est pas un nombre, et %3 contient des nombres.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Row %1: give the value “%2” a label, or remove it.</source>
        <translation>Ligne %1&#xa0;: donnez une étiquette à la valeur «&#xa0;%2&#xa0;», ou supprimez-la.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row %1: a value label can hold at most %2 bytes.</source>
        <translation>Ligne %1&#xa0;: une étiquette de valeur peut contenir au plus %2 octets.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Row %1: the value “%2” has a label already.</source>
        <translation>Ligne %1&#xa0;: la valeur «&#xa0;%2&#xa0;» a déjà une étiquette.</translation>
    </message>
</context>
<context>
    <name>sl::widgets::VariableTableModel</name>
    <message>
        <location filename="../widgets/models/VariableTableModel.cpp" line="+123"/>
        <source>Nominal</source>
        <translation>Nominale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordinal</source>
        <translation>Ordinale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale</source>
        <translation>Échelle</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>String</source>
        <translation>Chaîne</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Numeric</source>
        <translation>Numérique</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A variable needs a name.</source>
        <translation>Une variable doit avoir un nom.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A variable name must start with a letter; “%1” does not.</source>
        <translation>Un nom de variable doit commencer par une lettre; ce n&apos;est pas le cas de «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A variable name can hold letters, digits and _ . @ # only; “%1” holds “%2”.</source>
        <translation>Un nom de variable ne peut contenir que des lettres, des chiffres et _ . @ #; «&#xa0;%1&#xa0;» contient «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A variable name can be at most %1 bytes long.</source>
        <translation>Un nom de variable peut compter au plus %1 octets.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is a reserved word of SPSS syntax and cannot name a variable.</source>
        <translation>%1 est un mot réservé de la syntaxe SPSS et ne peut pas nommer une variable.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another variable is already named %1 (names ignore case).</source>
        <translation>Une autre variable porte déjà le nom %1 (les noms ne tiennent pas compte de la casse).</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Change type of %1 to %2 (system-missing where the text was not a number: %n)</source>
        <translation>
            <numerusform>Changer le type de %1 en %2 (valeur manquante système là où le texte n&apos;était pas un nombre&#xa0;: %n)</numerusform>
            <numerusform>Changer le type de %1 en %2 (valeur manquante système là où le texte n&apos;était pas un nombre&#xa0;: %n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Change value labels of %1</source>
        <translation>Modifier les étiquettes de valeurs de %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Change missing values of %1</source>
        <translation>Modifier les valeurs manquantes de %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <location line="+13"/>
        <location line="+2"/>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+19"/>
        <location line="+6"/>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message numerus="yes">
        <location line="-22"/>
        <source>; … (%n more)</source>
        <translation>
            <numerusform>; … (%n de plus)</numerusform>
            <numerusform>; … (%n de plus)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 thru %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decimals</source>
        <translation>Décimales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value labels</source>
        <translation>Étiquettes de valeurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing values</source>
        <translation>Valeurs manquantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Rename %1 to %2</source>
        <translation>Renommer %1 en %2</translation>
    </message>
    <message>
        <location line="-158"/>
        <location line="+171"/>
        <source>Change type of %1 to %2</source>
        <translation>Changer le type de %1 en %2</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Choose Numeric, Date, Date and time, Time or String.</source>
        <translation>Choisissez Numérique, Date, Date et heure, Heure ou Chaîne.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Width must be a whole number from 1 to %1.</source>
        <translation>La largeur doit être un entier de 1 à %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 holds text of %2 bytes, so it needs a width of at least %2.</source>
        <translation>%1 contient du texte de %2 octets&#xa0;: sa largeur doit être d&apos;au moins %2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A width of %1 leaves no room for %2 decimals; use at least %3.</source>
        <translation>Une largeur de %1 ne laisse pas de place pour %2 décimales; utilisez au moins %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change width of %1</source>
        <translation>Modifier la largeur de %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A variable label must fit on one line.</source>
        <translation>Une étiquette de variable doit tenir sur une seule ligne.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A variable label can hold at most %1 bytes.</source>
        <translation>Une étiquette de variable peut contenir au plus %1 octets.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change label of %1</source>
        <translation>Modifier l&apos;étiquette de %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Decimals must be a whole number from 0 to %1.</source>
        <translation>Le nombre de décimales doit être un entier de 0 à %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change decimals of %1</source>
        <translation>Modifier les décimales de %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose Nominal, Ordinal or Scale.</source>
        <translation>Choisissez Nominale, Ordinale ou Échelle.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 holds text, so it can be Nominal or Ordinal but not Scale.</source>
        <translation>%1 contient du texte&#xa0;: elle peut être Nominale ou Ordinale, mais pas Échelle.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change measure of %1 to %2</source>
        <translation>Changer la mesure de %1 en %2</translation>
    </message>
</context>
<context>
    <name>sl::widgets::WelcomePanel</name>
    <message>
        <location filename="../widgets/panels/WelcomePanel.cpp" line="+15"/>
        <source>Welcome to SurveyLens</source>
        <translation>Bienvenue dans SurveyLens</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is the sample survey that comes with SurveyLens: made-up answers of social workers, stored as an SPSS file with variable labels, value labels and missing-value codes, as real survey files have.</source>
        <translation>Voici l&apos;enquête d&apos;exemple fournie avec SurveyLens&#xa0;: des réponses fictives de travailleuses et travailleurs sociaux, enregistrées dans un fichier SPSS avec des étiquettes de variables, des étiquettes de valeurs et des codes de valeurs manquantes, comme dans de vrais fichiers d&apos;enquête.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Three things to try&lt;/b&gt;&lt;ol style=&quot;margin-left:-20px&quot;&gt;&lt;li&gt;Switch between &lt;i&gt;Data View&lt;/i&gt; and &lt;i&gt;Variable View&lt;/i&gt; to see each question&apos;s label, codes and missing values.&lt;/li&gt;&lt;li&gt;Turn &lt;i&gt;Value Labels&lt;/i&gt; on and off in the toolbar to see the codes or what they mean.&lt;/li&gt;&lt;li&gt;Change a variable&apos;s label or measure level in Variable View, then undo it with Edit &amp;gt; Undo.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;b&gt;Trois choses à essayer&lt;/b&gt;&lt;ol style=&quot;margin-left:-20px&quot;&gt;&lt;li&gt;Passez de l&apos;&lt;i&gt;Affichage des données&lt;/i&gt; à l&apos;&lt;i&gt;Affichage des variables&lt;/i&gt; pour voir l&apos;étiquette, les codes et les valeurs manquantes de chaque question.&lt;/li&gt;&lt;li&gt;Activez ou désactivez les &lt;i&gt;Étiquettes de valeurs&lt;/i&gt; dans la barre d&apos;outils pour voir les codes ou ce qu&apos;ils signifient.&lt;/li&gt;&lt;li&gt;Modifiez l&apos;étiquette ou le niveau de mesure d&apos;une variable dans l&apos;Affichage des variables, puis annulez la modification avec Édition &amp;gt; Annuler.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Got it</source>
        <translation>Compris</translation>
    </message>
</context>
</TS>
