# language: nl
@aansluiten
Functionaliteit: Aansluiten op de samenwerkfunctionaliteit
  Een VTH- of zaaksysteem praat met de SWF-API over tweezijdig TLS, met een
  PKIoverheid-certificaat. Bij elke aanroep staat het OIN van het Bevoegd
  Gezag in een HTTP-header. Gebruikt het systeem het certificaat van de
  leverancier, dan moet DSO een mandaat (machtiging) hebben ingeregeld
  waarmee de leverancier namens dat Bevoegd Gezag mag optreden.

  @operatie-listSamenwerkingen
  Scenario: Een gemeente met een eigen, geldig certificaat krijgt toegang
    Gegeven het certificaat van de initiator
    Dan is het certificaat nu geldig
    En is het certificaat bedoeld voor het aanmelden van een systeem
    En is het certificaat uitgegeven door een vertrouwde certificaatautoriteit
    En staat in het certificaat het OIN van de initiator
    Als de initiator het overzicht van samenwerkingen opvraagt
    Dan staat de SWF dit toe

  @tls-handshake
  Scenario: Zonder certificaat komt er geen verbinding
    Als een systeem zonder certificaat verbinding maakt namens de initiator
    Dan weigert de server de verbinding

  @tls-handshake
  Scenario: Een certificaat van een onbekende certificaatautoriteit wordt geweigerd
    Als een systeem met een certificaat van een onbekende certificaatautoriteit verbinding maakt namens de initiator
    Dan weigert de server de verbinding

  @tls-handshake
  Scenario: Een verlopen certificaat wordt geweigerd
    Als een systeem met een verlopen certificaat verbinding maakt namens de initiator
    Dan weigert de server de verbinding

  @operatie-listSamenwerkingen
  Scenario: Een aanroep zonder OIN-header wordt geweigerd
    Als de initiator het overzicht van samenwerkingen opvraagt zonder OIN-header
    Dan weigert de SWF dit met status 400 (regel oin-header-verplicht)

  @operatie-listSamenwerkingen
  Scenario: Een gemeente kan niet optreden namens een andere organisatie
    Als de initiator het overzicht van samenwerkingen opvraagt namens de buitenstaander
    Dan weigert de SWF dit met status 403 (regel machtiging-vereist)

  @operatie-listSamenwerkingen
  Scenario: Een leverancier zonder machtiging voor de gemeente wordt geweigerd
    Gegeven het certificaat van de leverancier zonder machtiging
    Dan staat in het certificaat het OIN van de leverancier zelf
    Als de leverancier zonder machtiging het overzicht van samenwerkingen opvraagt
    Dan weigert de SWF dit met status 403 (regel machtiging-vereist)

  @functie-samenwerking-starten @operatie-listSamenwerkingen @operatie-startSamenwerking
  Scenario: Een leverancier met machtiging werkt namens de gemeente
    Gegeven het certificaat van de leverancier met machtiging
    Dan staat in het certificaat het OIN van de leverancier zelf
    Als de leverancier met machtiging het overzicht van samenwerkingen opvraagt
    Dan staat de SWF dit toe
    Als de leverancier met machtiging een samenwerking start op een ontvangen verzoek
    Dan staat de SWF dit toe
    En is de samenwerking aangemaakt door de initiator

  @operatie-listSamenwerkingen
  Scenario: Een organisatie zonder abonnement op de SWF wordt geweigerd
    Als de organisatie zonder abonnement het overzicht van samenwerkingen opvraagt
    Dan weigert de SWF dit met status 403 (regel abonnement-vereist)

  @operatie-getOpenapiDocument @alleen-simulator
  Scenario: De API publiceert haar eigen beschrijving
    Als de initiator de OpenAPI-beschrijving van de API opvraagt
    Dan staat de SWF dit toe
    En is de beschrijving een OpenAPI-document met de operaties van de SWF
