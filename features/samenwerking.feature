# language: nl
Functionaliteit: Een samenwerking starten, bekijken en wijzigen
  Een samenwerking wordt altijd gestart door een Bevoegd Gezag of een
  behandeldienst (de initiator), op basis van een ontvangen verzoek dat aan
  die organisatie is gericht. Het verzoek kan meteen in het samenwerkdossier
  worden geplaatst. Elk samenwerkdossier krijgt een eigen samenwerkingId; er
  kunnen dus meerdere dossiers zijn met dezelfde initiator en dezelfde
  ketenpartners.

  @functie-samenwerking-starten @operatie-startSamenwerking @operatie-getSamenwerking @operatie-listDeelnemers
  Scenario: De initiator start een samenwerking op een ontvangen verzoek
    Als de initiator een samenwerking start op een ontvangen verzoek
    Dan staat de SWF dit toe
    En heeft de samenwerking een eigen samenwerkingId
    En heeft de samenwerking de status OPEN
    En is de samenwerking aangemaakt door de initiator
    En is de samenwerking herkenbaar als testgegeven van deze run
    En is de initiator deelnemer als INITIATOR met volledige toegang

  @functie-samenwerking-starten @functie-overzicht-documenten @operatie-startSamenwerking @operatie-listDocumenten @operatie-listNotificaties
  Scenario: De initiator plaatst het verzoek direct in het samenwerkdossier
    Als de initiator een samenwerking start op een ontvangen verzoek, met het verzoek in het dossier
    Dan staat de SWF dit toe
    En staan de documenten van het verzoek in het samenwerkdossier
    En krijgt de initiator een notificatie van het type VERZOEK_OPHALEN_GESLAAGD

  @functie-samenwerking-starten @operatie-startSamenwerking
  Scenario: Op hetzelfde verzoek kunnen meerdere samenwerkingen lopen
    Gegeven de initiator heeft een samenwerking gestart op een ontvangen verzoek
    Als de initiator nog een samenwerking start op hetzelfde verzoek
    Dan staat de SWF dit toe
    En hebben de twee samenwerkingen elk een eigen samenwerkingId

  @functie-samenwerking-starten @operatie-startSamenwerking
  Scenario: Een organisatie die geen Bevoegd Gezag is, start geen samenwerking
    Als het adviesbureau een samenwerking start op een verzoek aan de initiator
    Dan weigert de SWF dit met status 403 (regel starten-alleen-bg-of-behandeldienst)

  @functie-samenwerking-starten @operatie-startSamenwerking
  Scenario: Een Bevoegd Gezag start alleen op een verzoek dat aan hem is gericht
    Als de buitenstaander een samenwerking start op een verzoek aan de initiator
    Dan weigert de SWF dit met status 400 (regel verzoek-gericht-aan-initiator)
    En noemt de foutmelding het veld verzoeknummer

  @functie-overzicht-samenwerkingen @operatie-listSamenwerkingen
  Scenario: Deelnemers zien de samenwerking in hun overzicht, buitenstaanders niet
    Gegeven de initiator heeft een samenwerking gestart op een ontvangen verzoek
    En de ketenpartner met beperkte toegang is uitgenodigd met beperkte toegang
    Als de initiator het overzicht van samenwerkingen opvraagt
    Dan staat de samenwerking in het overzicht
    Als de ketenpartner met beperkte toegang het overzicht van samenwerkingen opvraagt
    Dan staat de samenwerking in het overzicht
    Als de buitenstaander het overzicht van samenwerkingen opvraagt
    Dan staat de samenwerking niet in het overzicht (regel alleen-deelnemers-zien-samenwerking)

  @functie-overzicht-samenwerkingen @operatie-listSamenwerkingen
  Scenario: Het overzicht van samenwerkingen is te filteren op status
    Gegeven de initiator heeft een samenwerking gestart op een ontvangen verzoek
    Als de initiator het overzicht van samenwerkingen met status GESLOTEN opvraagt
    Dan staat de samenwerking niet in het overzicht
    Als de initiator het overzicht van samenwerkingen met status OPEN opvraagt
    Dan staat de samenwerking in het overzicht

  @functie-samenwerking-lezen-wijzigen @operatie-getSamenwerking
  Scenario: Een deelnemer leest de samenwerking, een buitenstaander niet
    Gegeven de initiator heeft een samenwerking gestart op een ontvangen verzoek
    En de ketenpartner met volledige toegang is uitgenodigd met volledige toegang
    Als de ketenpartner met volledige toegang de samenwerking opvraagt
    Dan staat de SWF dit toe
    En is de samenwerking aangemaakt door de initiator
    Als de buitenstaander de samenwerking opvraagt
    Dan weigert de SWF dit met status 404 (regel alleen-deelnemers-zien-samenwerking)

  @functie-samenwerking-lezen-wijzigen @operatie-updateSamenwerking
  Scenario: De initiator wijzigt de gegevens van de samenwerking
    Gegeven de initiator heeft een samenwerking gestart op een ontvangen verzoek
    En de ketenpartner met volledige toegang is uitgenodigd met volledige toegang
    Als de initiator de titel van de samenwerking wijzigt in "Dakkapel Dorpsstraat 1, herzien"
    Dan staat de SWF dit toe
    En heeft de samenwerking de titel "Dakkapel Dorpsstraat 1, herzien"
    En krijgt de ketenpartner met volledige toegang een notificatie van het type SAMENWERKING_GEWIJZIGD

  @functie-samenwerking-lezen-wijzigen @operatie-updateSamenwerking
  Scenario: Een ketenpartner wijzigt de gegevens van de samenwerking niet
    Gegeven de initiator heeft een samenwerking gestart op een ontvangen verzoek
    En de ketenpartner met volledige toegang is uitgenodigd met volledige toegang
    Als de ketenpartner met volledige toegang de titel van de samenwerking wijzigt in "Gekaapt"
    Dan weigert de SWF dit met status 403 (regel alleen-initiator-wijzigt-samenwerking)
    En heeft de samenwerking nog de oorspronkelijke titel
