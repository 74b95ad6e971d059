import RoMail
