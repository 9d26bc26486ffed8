# language: nl
Functionaliteit: Een samenwerking stoppen en verwijderen
  De initiator stopt een samenwerking als het werk klaar is: de status wordt
  GESLOTEN. Daarna blijft alles leesbaar, maar er komen geen documenten,
  uitnodigingen of actieverzoeken meer bij. Pas een gesloten samenwerking kan
  de initiator verwijderen; daarna bestaat niets ervan nog.

  Achtergrond:
    Gegeven de initiator heeft een samenwerking gestart op een ontvangen verzoek
    En de ketenpartner met volledige toegang is uitgenodigd met volledige toegang
    En de initiator heeft het document "besluit.pdf" toegevoegd als vertrouwelijk

  @functie-samenwerking-stoppen @operatie-updateSamenwerking @operatie-downloadDocument
  Scenario: Na het stoppen is het samenwerkdossier alleen nog te lezen
    Als de initiator de samenwerking stopt
    Dan staat de SWF dit toe
    En heeft de samenwerking de status GESLOTEN
    En krijgt de ketenpartner met volledige toegang een notificatie van het type SAMENWERKING_GESLOTEN
    Als de ketenpartner met volledige toegang het document "besluit.pdf" downloadt
    Dan staat de SWF dit toe
    Als de ketenpartner met volledige toegang het document "aanvulling.pdf" toevoegt als vertrouwelijk
    Dan weigert de SWF dit met status 409 (regel gesloten-is-alleen-lezen)
    Als de initiator de ketenpartner met beperkte toegang uitnodigt met beperkte toegang
    Dan weigert de SWF dit met status 409 (regel gesloten-is-alleen-lezen)
    Als de initiator een actieverzoek "Nog een vraag" uitzet aan de ketenpartner met volledige toegang
    Dan weigert de SWF dit met status 409 (regel gesloten-is-alleen-lezen)

  @functie-samenwerking-stoppen @operatie-updateSamenwerking
  Scenario: Alleen de initiator stopt een samenwerking
    Als de ketenpartner met volledige toegang de samenwerking stopt
    Dan weigert de SWF dit met status 403 (regel alleen-initiator-stopt)
    En heeft de samenwerking nog de status OPEN

  @functie-samenwerking-verwijderen @operatie-deleteSamenwerking
  Scenario: Een samenwerking wordt pas verwijderd nadat zij is gestopt
    Als de initiator de samenwerking verwijdert
    Dan weigert de SWF dit met status 409 (regel verwijderen-alleen-na-sluiten)
    En heeft de samenwerking nog de status OPEN

  @functie-samenwerking-verwijderen @operatie-deleteSamenwerking @operatie-getSamenwerking @operatie-getDocument
  Scenario: Na het verwijderen bestaat niets van de samenwerking meer
    Gegeven de initiator heeft de samenwerking gestopt
    Als de initiator de samenwerking verwijdert
    Dan staat de SWF dit toe
    Als de initiator de samenwerking opvraagt
    Dan weigert de SWF dit met status 404
    Als de ketenpartner met volledige toegang de metadata van het document "besluit.pdf" opvraagt
    Dan weigert de SWF dit met status 404
    Als de ketenpartner met volledige toegang het overzicht van samenwerkingen opvraagt
    Dan staat de samenwerking niet in het overzicht

  @functie-samenwerking-verwijderen @operatie-deleteSamenwerking
  Scenario: Alleen de initiator verwijdert een samenwerking
    Gegeven de initiator heeft de samenwerking gestopt
    Als de ketenpartner met volledige toegang de samenwerking verwijdert
    Dan weigert de SWF dit met status 403 (regel alleen-initiator-verwijdert-samenwerking)
    En heeft de samenwerking nog de status GESLOTEN
