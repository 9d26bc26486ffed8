# language: nl
Functionaliteit: Notificaties ophalen en verwijderen
  De SWF maakt bij elke gebeurtenis een notificatie voor iedere andere
  deelnemer die het onderwerp mag zien. Een systeem haalt de notificaties op
  binnen een tijdvenster, per samenwerking of per type, en verwijdert ze als
  ze verwerkt zijn. Alleen de ontvanger ziet en verwijdert zijn notificaties.

  Achtergrond:
    Gegeven de initiator heeft een samenwerking gestart op een ontvangen verzoek
    En de ketenpartner met volledige toegang is uitgenodigd met volledige toegang
    En de initiator heeft het document "besluit.pdf" toegevoegd als vertrouwelijk

  @functie-notificaties-ophalen @functie-overzicht-notificaties @operatie-listNotificaties @operatie-getNotificatie
  Scenario: Een ketenpartner haalt zijn notificaties op binnen een tijdvenster
    Als de ketenpartner met volledige toegang de notificaties van het afgelopen uur ophaalt
    Dan staan in het overzicht de notificaties van het type UITNODIGING_KETENPARTNER en DOCUMENT_TOEGEVOEGD, de oudste eerst
    En noemt elke notificatie de samenwerking, het type en het moment van de gebeurtenis
    En kan de ketenpartner met volledige toegang elke notificatie uit het overzicht afzonderlijk opvragen

  @functie-notificaties-ophalen @operatie-listNotificaties
  Scenario: Een systeem haalt alleen de nieuwe notificaties op
    Als de ketenpartner met volledige toegang de nieuwe notificaties ophaalt
    Dan staan in het overzicht de notificaties van het type UITNODIGING_KETENPARTNER en DOCUMENT_TOEGEVOEGD, de oudste eerst
    Als de initiator het document "vergunning.pdf" toevoegt als vertrouwelijk
    En de ketenpartner met volledige toegang de nieuwe notificaties ophaalt
    Dan staat in het overzicht alleen een notificatie van het type DOCUMENT_TOEGEVOEGD over het document "vergunning.pdf"

  @functie-overzicht-notificaties @operatie-listSamenwerkingNotificaties @operatie-listNotificaties
  Scenario: Notificaties zijn te bekijken per samenwerking en per type
    Als de ketenpartner met volledige toegang de notificaties van de samenwerking opvraagt
    Dan staan in het overzicht de notificaties van het type UITNODIGING_KETENPARTNER en DOCUMENT_TOEGEVOEGD, de oudste eerst
    Als de ketenpartner met volledige toegang de notificaties van het type DOCUMENT_TOEGEVOEGD ophaalt
    Dan staan in het overzicht alleen notificaties van het type DOCUMENT_TOEGEVOEGD

  @functie-notificaties-verwijderen @operatie-deleteNotificatie @operatie-getNotificatie
  Scenario: De ontvanger verwijdert een verwerkte notificatie
    Als de ketenpartner met volledige toegang de notificatie van het type UITNODIGING_KETENPARTNER verwijdert
    Dan staat de SWF dit toe
    Als de ketenpartner met volledige toegang die notificatie opnieuw opvraagt
    Dan weigert de SWF dit met status 404
    En krijgt de ketenpartner met volledige toegang geen notificatie van het type UITNODIGING_KETENPARTNER meer

  @functie-notificaties-verwijderen @operatie-deleteNotificatie @operatie-getNotificatie
  Scenario: Een deelnemer ziet en verwijdert de notificaties van een ander niet
    Als de initiator de notificatie van het type UITNODIGING_KETENPARTNER van de ketenpartner met volledige toegang opvraagt
    Dan weigert de SWF dit met status 404 (regel notificatie-alleen-voor-ontvanger)
    Als de initiator de notificatie van het type UITNODIGING_KETENPARTNER van de ketenpartner met volledige toegang verwijdert
    Dan weigert de SWF dit met status 404 (regel notificatie-alleen-voor-ontvanger)
    En krijgt de ketenpartner met volledige toegang een notificatie van het type UITNODIGING_KETENPARTNER
