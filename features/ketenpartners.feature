# language: nl
Functionaliteit: Ketenpartners uitnodigen, hun privilege aanpassen en verwijderen
  De initiator nodigt ketenpartners uit: een overheidsorganisatie op haar
  OIN, een bedrijf op zijn KvK-nummer. De initiator bepaalt het privilege:
  beperkte toegang (alleen vertrouwelijke documenten, RV) of volledige
  toegang (ook strikt vertrouwelijke documenten, SV). Alleen de initiator
  beheert de deelnemers. Een verwijderde ketenpartner verliest meteen alle
  toegang.

  Achtergrond:
    Gegeven de initiator heeft een samenwerking gestart op een ontvangen verzoek

  @functie-ketenpartner-uitnodigen @functie-overzicht-deelnemers @operatie-inviteDeelnemer @operatie-listDeelnemers @operatie-listNotificaties
  Scenario: De initiator nodigt een ketenpartner uit op haar OIN
    Als de initiator de ketenpartner met volledige toegang uitnodigt met volledige toegang
    Dan staat de SWF dit toe
    En is de ketenpartner met volledige toegang deelnemer als KETENPARTNER met volledige toegang
    En krijgt de ketenpartner met volledige toegang een notificatie van het type UITNODIGING_KETENPARTNER
    Als de ketenpartner met volledige toegang het overzicht van samenwerkingen opvraagt
    Dan staat de samenwerking in het overzicht

  @functie-ketenpartner-uitnodigen @operatie-inviteDeelnemer
  Scenario: De initiator nodigt een bedrijf uit op zijn KvK-nummer
    Als de initiator het adviesbureau uitnodigt op zijn KvK-nummer met beperkte toegang
    Dan staat de SWF dit toe
    En is het adviesbureau deelnemer als KETENPARTNER met beperkte toegang
    En staat bij het adviesbureau in de deelnemerslijst zijn KvK-nummer en handelsregisternummer

  @functie-ketenpartner-uitnodigen @operatie-inviteDeelnemer
  Scenario: Alleen de initiator nodigt ketenpartners uit
    Gegeven de ketenpartner met volledige toegang is uitgenodigd met volledige toegang
    Als de ketenpartner met volledige toegang de ketenpartner met beperkte toegang uitnodigt met beperkte toegang
    Dan weigert de SWF dit met status 403 (regel alleen-initiator-nodigt-uit)
    En is de ketenpartner met beperkte toegang geen deelnemer

  @functie-ketenpartner-uitnodigen @operatie-inviteDeelnemer
  Scenario: Een ketenpartner wordt geen twee keer uitgenodigd
    Gegeven de ketenpartner met beperkte toegang is uitgenodigd met beperkte toegang
    Als de initiator de ketenpartner met beperkte toegang uitnodigt met volledige toegang
    Dan weigert de SWF dit met status 409 (regel geen-dubbele-deelnemer)
    En is de ketenpartner met beperkte toegang deelnemer als KETENPARTNER met beperkte toegang

  @functie-ketenpartner-uitnodigen @operatie-inviteDeelnemer
  Scenario: De initiator nodigt zichzelf niet uit
    Als de initiator zichzelf uitnodigt met volledige toegang
    Dan weigert de SWF dit met status 400 (regel geen-zelf-uitnodiging)

  @functie-ketenpartner-uitnodigen @operatie-inviteDeelnemer
  Scenario: Een onbekende organisatie kan niet worden uitgenodigd
    Als de initiator een organisatie met een onbekend OIN uitnodigt met beperkte toegang
    Dan weigert de SWF dit met status 400 (regel uitgenodigde-organisatie-bekend)

  @functie-overzicht-deelnemers @operatie-listDeelnemers @operatie-getDeelnemer
  Scenario: Deelnemers zien wie er meedoen, een buitenstaander niet
    Gegeven de ketenpartner met volledige toegang is uitgenodigd met volledige toegang
    En de ketenpartner met beperkte toegang is uitgenodigd met beperkte toegang
    Als de ketenpartner met beperkte toegang het overzicht van deelnemers opvraagt
    Dan staan in het overzicht precies de initiator, de ketenpartner met volledige toegang en de ketenpartner met beperkte toegang
    Als de ketenpartner met beperkte toegang de gegevens van de initiator als deelnemer opvraagt
    Dan staat de SWF dit toe
    En toont de SWF de initiator als INITIATOR met volledige toegang
    Als de buitenstaander het overzicht van deelnemers opvraagt
    Dan weigert de SWF dit met status 404 (regel alleen-deelnemers-zien-samenwerking)

  @functie-privileges-aanpassen @functie-overzicht-documenten @operatie-updateDeelnemer @operatie-listDocumenten
  Scenario: De initiator geeft een ketenpartner volledige toegang
    Gegeven het adviesbureau is uitgenodigd met beperkte toegang
    En de initiator heeft het document "situatietekening.pdf" toegevoegd als strikt vertrouwelijk
    En het adviesbureau ziet het document "situatietekening.pdf" niet in het overzicht
    Als de initiator het adviesbureau volledige toegang geeft
    Dan staat de SWF dit toe
    En is het adviesbureau deelnemer als KETENPARTNER met volledige toegang
    En ziet het adviesbureau het document "situatietekening.pdf" in het overzicht
    En krijgt het adviesbureau een notificatie van het type PRIVILEGE_GEWIJZIGD

  @functie-privileges-aanpassen @functie-overzicht-documenten @operatie-updateDeelnemer @operatie-listDocumenten
  Scenario: De initiator zet een ketenpartner terug naar beperkte toegang
    Gegeven het adviesbureau is uitgenodigd met volledige toegang
    En de initiator heeft het document "situatietekening.pdf" toegevoegd als strikt vertrouwelijk
    Als de initiator het adviesbureau beperkte toegang geeft
    Dan staat de SWF dit toe
    En ziet het adviesbureau het document "situatietekening.pdf" niet in het overzicht (regel beperkte-toegang-ziet-geen-sv)

  @functie-privileges-aanpassen @operatie-updateDeelnemer
  Scenario: Alleen de initiator past privileges aan
    Gegeven de ketenpartner met volledige toegang is uitgenodigd met volledige toegang
    En de ketenpartner met beperkte toegang is uitgenodigd met beperkte toegang
    Als de ketenpartner met volledige toegang de ketenpartner met beperkte toegang volledige toegang geeft
    Dan weigert de SWF dit met status 403 (regel alleen-initiator-wijzigt-privilege)
    En is de ketenpartner met beperkte toegang deelnemer als KETENPARTNER met beperkte toegang

  @functie-ketenpartner-verwijderen @operatie-removeDeelnemer @operatie-getSamenwerking @operatie-downloadDocument
  Scenario: Een verwijderde ketenpartner verliest meteen alle toegang
    Gegeven de verwijderde ketenpartner is uitgenodigd met volledige toegang
    En de initiator heeft het document "advies.pdf" toegevoegd als vertrouwelijk
    Als de initiator de verwijderde ketenpartner uit de samenwerking verwijdert
    Dan staat de SWF dit toe
    En is de verwijderde ketenpartner geen deelnemer
    Als de verwijderde ketenpartner de samenwerking opvraagt
    Dan weigert de SWF dit met status 404 (regel alleen-deelnemers-zien-samenwerking)
    Als de verwijderde ketenpartner het document "advies.pdf" downloadt
    Dan weigert de SWF dit met status 404 (regel alleen-deelnemers-zien-samenwerking)
    Als de verwijderde ketenpartner het overzicht van samenwerkingen opvraagt
    Dan staat de samenwerking niet in het overzicht (regel alleen-deelnemers-zien-samenwerking)

  @functie-ketenpartner-verwijderen @operatie-removeDeelnemer
  Scenario: Alleen de initiator verwijdert ketenpartners
    Gegeven de ketenpartner met volledige toegang is uitgenodigd met volledige toegang
    En de ketenpartner met beperkte toegang is uitgenodigd met beperkte toegang
    Als de ketenpartner met volledige toegang de ketenpartner met beperkte toegang uit de samenwerking verwijdert
    Dan weigert de SWF dit met status 403 (regel alleen-initiator-verwijdert-ketenpartner)
    En is de ketenpartner met beperkte toegang deelnemer als KETENPARTNER met beperkte toegang
